package io.detoxstreams.explain;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    @Test
    void twoDecimalsShouldFormatExactlyLikeTheFormatter() {
        Random random = new Random(5);
        double[] edge = {0, -0.0, 0.005, 0.015, 0.125, 0.995, 1.005, 0.675, 2.675, -0.005, 1e-9, 0.4999999999999999,
                Double.NaN, Double.POSITIVE_INFINITY};
        for (double v : edge) {
            assertThat(Summary.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
        }
        for (int i = 0; i < 100_000; i++) {
            double v = random.nextInt(3) == 0 ? random.nextInt(2000) / 1000.0 : random.nextDouble();
            assertThat(Summary.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
        }
    }
}
