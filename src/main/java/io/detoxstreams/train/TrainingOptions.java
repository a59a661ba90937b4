package io.detoxstreams.train;

/**
 * Hyper-parameters of {@link Trainer}; the defaults are the shipped model's.
 *
 * @param bits            log2 of the toxicity head's hashed feature space
 * @param categoryBits    log2 of each category head's feature space
 * @param maxCharN        longest character n-gram
 * @param epochs          passes over the training data (the best epoch on dev is kept)
 * @param learningRate    AdaGrad base learning rate
 * @param l2              L2 penalty applied to the weights an example touches
 * @param seed            shuffling seed; the same seed and data give the same model
 * @param detoxWeight     weight of detox-pair sentences relative to natural comments
 * @param functionalWeight weight of functional test cases
 * @param spansWeight     weight of toxic-span posts (all toxic)
 * @param languageCopies  whether every feature also gets a per-language weight
 * @param averageFrom     average the epoch-end weights from this epoch on (0: no averaging)
 * @param priorShift      calibrate languages without natural dev data to the natural toxic prior
 */
public record TrainingOptions(int bits, int categoryBits, int maxCharN, int epochs, double learningRate, double l2,
                              long seed, double detoxWeight, double functionalWeight, double spansWeight,
                              boolean languageCopies, int averageFrom, boolean priorShift) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(22, 18, 5, 8, 0.1, 1e-6, 20261125L, 0.5, 1.0, 0.5, true, 0, false);
    }

    public double weightOf(Example.Corpus corpus) {
        return switch (corpus) {
            case TOXICITY -> 1.0;
            case FUNCTIONAL -> functionalWeight;
            case SPANS -> spansWeight;
            case DETOX -> detoxWeight;
        };
    }
}
