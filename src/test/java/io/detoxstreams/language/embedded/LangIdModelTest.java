package io.detoxstreams.language.embedded;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LangIdModelTest {

    private static final int BITS = 10;
    private static final List<String> CLASSES = List.of("da", "de", "en", "es", "pt");

    @Test
    void predictsTheSoftmaxOfBiasPlusQuantizedWeightsOverRootN() {
        Random random = new Random(7);
        float[] bias = randomFloats(random, CLASSES.size(), 1);
        float[] weights = randomFloats(random, (1 << BITS) * CLASSES.size(), 3);
        LangIdModel model = new LangIdModel(CLASSES, BITS, 4, bias, weights);
        for (int trial = 0; trial < 200; trial++) {
            int[] hashes = random.ints(random.nextInt(300), Integer.MIN_VALUE, Integer.MAX_VALUE).toArray();
            assertArrayEquals(reference(bias, weights, hashes), model.predictHashes(hashes), 1e-9,
                    "trial " + trial + ", " + hashes.length + " hashes");
        }
    }

    @Test
    void withoutFeaturesGivesTheSoftmaxOfTheBias() {
        float[] bias = {0.5f, -1f, 2f, 0f, 0.25f};
        LangIdModel model = new LangIdModel(CLASSES, BITS, 4, bias, new float[(1 << BITS) * CLASSES.size()]);
        assertArrayEquals(LangIdModel.softmax(new double[]{0.5, -1, 2, 0, 0.25}), model.predict("   "), 1e-12);
    }

    @Test
    void writtenAndReadBackPredictsTheSame() throws Exception {
        Random random = new Random(11);
        LangIdModel model = new LangIdModel(CLASSES, BITS, 4, randomFloats(random, CLASSES.size(), 1),
                randomFloats(random, (1 << BITS) * CLASSES.size(), 2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        LangIdModel read = LangIdModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (String text : List.of("hello there, how are you", "hallo, wie geht es dir", "olá, tudo bem?", "x")) {
            assertArrayEquals(model.predict(text), read.predict(text), 0, text);
        }
    }

    @Test
    void aShortTextAfterALongOneSeesOnlyItsOwnFeatures() {
        LangIdModel shipped = LangIdModel.loadDefault();
        String shortText = "das ist gut";
        double[] fresh = LangIdModel.loadDefault().predict(shortText);
        shipped.predict("this is a much longer english comment that fills the reused feature buffer far beyond "
                + "what the short german one needs, again and again and again and again");
        assertArrayEquals(fresh, shipped.predict(shortText), 0);
        assertEquals("de", shipped.classes().get(argmax(shipped.predict("ich habe heute keine Zeit, leider"))));
        assertEquals("en", shipped.classes().get(argmax(shipped.predict("I have no time today, sorry"))));
    }

    @Test
    void amongGivesTheFullPredictionRenormalizedOverItsClasses() {
        LangIdModel shipped = LangIdModel.loadDefault();
        List<String> keep = List.of("pt", "en", "de", "es", "xx");
        LangIdModel among = shipped.among(keep);
        assertEquals(List.of("de", "en", "es", "pt"), among.classes(), "the model's order, unknown codes left out");
        for (String text : List.of("ich habe heute keine Zeit, leider", "I have no time today, sorry", "olá, tudo bem?",
                "no sé qué decir", "x", "")) {
            double[] full = shipped.predict(text);
            double[] expected = new double[among.classes().size()];
            double mass = 0;
            for (int c = 0; c < expected.length; c++) {
                expected[c] = full[shipped.classes().indexOf(among.classes().get(c))];
                mass += expected[c];
            }
            for (int c = 0; c < expected.length; c++) {
                expected[c] /= mass;
            }
            assertArrayEquals(expected, among.predict(text), 1e-12, text);
        }
    }

    /** The prediction as the model file defines it, computed the plain way in doubles. */
    private static double[] reference(float[] bias, float[] weights, int[] hashes) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        double scale = max / (double) Short.MAX_VALUE;
        float fscale = max / Short.MAX_VALUE;
        int k = bias.length;
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int h : hashes) {
                sum += Math.round(weights[(h & ((1 << BITS) - 1)) * k + c] / fscale);
            }
            z[c] = bias[c] + (hashes.length == 0 ? 0 : sum * (double) fscale / Math.sqrt(hashes.length));
        }
        assertEquals(scale, fscale, 1e-9);
        return LangIdModel.softmax(z);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float[] randomFloats(Random random, int n, double spread) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (random.nextGaussian() * spread);
        }
        return f;
    }
}
