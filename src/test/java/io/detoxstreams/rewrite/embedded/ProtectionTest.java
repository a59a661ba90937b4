package io.detoxstreams.rewrite.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectionTest {

    @Test
    void aWordThatStretchesALetterShouldNotCountAsAName() {
        assertThat(Protection.elongated("Cabroooooonnn")).isTrue();
        assertThat(Protection.elongated("Maricoooon")).isTrue();
        assertThat(Protection.elongated("NOOO")).isTrue();
    }

    @Test
    void namesWithDoubleLettersShouldStillCountAsNames() {
        assertThat(Protection.elongated("Anna")).isFalse();
        assertThat(Protection.elongated("Scholl")).isFalse();
        assertThat(Protection.elongated("Aaron")).isFalse();
        assertThat(Protection.elongated("Merkel")).isFalse();
        assertThat(Protection.elongated("x")).isFalse();
        assertThat(Protection.elongated("1000")).isFalse();
    }
}
