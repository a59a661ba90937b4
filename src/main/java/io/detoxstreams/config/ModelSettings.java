package io.detoxstreams.config;

import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The model configuration, read and checked once from {@link DetoxConfig} (so a wrong key fails at start-up, naming
 * it): languages, classifier per language and thresholds, rewriter chain per language, devices, generation settings
 * and chat endpoints. Model directories are checked when the models are built ({@code models.ModelFactory}).
 *
 * @param classifiers per-language classifiers ({@code classifier.<lang>}); other languages use {@code defaultClassifier}
 * @param thresholds  per-language thresholds ({@code threshold.<lang>})
 * @param reviewThresholds per-language lower bounds of the review band ({@code review.threshold.<lang>})
 * @param chains      per-language rewriter chains ({@code rewriter.chain.<lang>}); others use {@code defaultChain}
 * @param holdThreshold the non-detoxifiable models' threshold; null keeps the shipped one
 * @param fluencyFloor  the verifier's fluency floor ({@code rewriter.fluency.floor}; 0 = no fluency check)
 * @param chat        the chat endpoints the chains name, by name
 */
public record ModelSettings(List<String> languages, boolean linguaLowAccuracy, ModelSpec defaultClassifier,
                            Map<String, ModelSpec> classifiers, Map<String, Double> thresholds,
                            Map<String, Double> reviewThresholds, double defaultThreshold, String toxicLabel, int classifierMaxBatch, ModelDevice onnxDevice,
                            List<ModelSpec> defaultChain, Map<String, List<ModelSpec>> chains,
                            double similarityFloor, Double holdThreshold, double fluencyFloor, int maxBatchTokens,
                            Seq2SeqSettings seq2seq, Map<String, ChatSettings> chat) {

    public ModelSettings {
        languages = List.copyOf(languages);
        classifiers = Map.copyOf(classifiers);
        thresholds = Map.copyOf(thresholds);
        reviewThresholds = Map.copyOf(reviewThresholds);
        defaultChain = List.copyOf(defaultChain);
        chains = Map.copyOf(chains);
        chat = Map.copyOf(chat);
    }

    static ModelSettings from(DetoxConfig c) {
        Map<String, Object> originals = c.originals();
        List<String> languages = languages(c.getList(DetoxConfig.LANGUAGES));
        ModelKeys.check(originals, DetoxConfig.CONFIG.names(), languages);
        Map<String, ModelSpec> classifiers = new TreeMap<>();
        Map<String, Double> thresholds = new TreeMap<>();
        Map<String, Double> reviewThresholds = new TreeMap<>();
        Map<String, List<ModelSpec>> chains = new TreeMap<>();
        Map<String, String> prompts = new TreeMap<>();
        Set<String> endpoints = new LinkedHashSet<>();
        originals.forEach((key, value) -> {
            String v = value == null ? "" : value.toString();
            ModelKeys.language(key).ifPresent(lang -> {
                if (key.startsWith("classifier.")) {
                    classifiers.put(lang, ModelSpec.parse(v, key, ModelSpec.CLASSIFIERS));
                } else if (key.startsWith("threshold.")) {
                    thresholds.put(lang, threshold(key, v));
                } else if (key.startsWith("review.threshold.")) {
                    reviewThresholds.put(lang, reviewThreshold(key, v));
                } else if (key.startsWith("rewriter.chain.")) {
                    chains.put(lang, chain(key, v));
                } else {
                    prompts.put(lang, v);
                }
            });
            var chat = ModelKeys.CHAT_KEY.matcher(key);
            if (chat.matches()) {
                endpoints.add(chat.group(1));
            }
        });
        List<ModelSpec> defaultChain = chain(DetoxConfig.REWRITER_CHAIN, c.getString(DetoxConfig.REWRITER_CHAIN));
        Map<String, ChatSettings> chat = new LinkedHashMap<>();
        for (String name : endpoints) {
            chat.put(name, ChatSettings.read(name, originals));
        }
        checkChatNames(defaultChain, chains, chat);
        ModelDevice device = ModelDevice.parse(c.getString(DetoxConfig.MODEL_DEVICE), DetoxConfig.MODEL_DEVICE);
        Seq2SeqSettings seq2seq = new Seq2SeqSettings(device(c, DetoxConfig.SEQ2SEQ_DEVICE, device),
                c.getInt(DetoxConfig.SEQ2SEQ_NUM_BEAMS), c.getInt(DetoxConfig.SEQ2SEQ_MAX_NEW_TOKENS),
                c.getInt(DetoxConfig.SEQ2SEQ_NO_REPEAT_NGRAM_SIZE), c.getDouble(DetoxConfig.SEQ2SEQ_REPETITION_PENALTY),
                c.getBoolean(DetoxConfig.SEQ2SEQ_USE_CACHE), c.getString(DetoxConfig.SEQ2SEQ_PROMPT), prompts);
        return new ModelSettings(languages, c.getString(DetoxConfig.LANGUAGE_LINGUA_ACCURACY).equals("low"),
                ModelSpec.parse(c.getString(DetoxConfig.CLASSIFIER_DEFAULT), DetoxConfig.CLASSIFIER_DEFAULT,
                        ModelSpec.CLASSIFIERS),
                classifiers, thresholds, reviewThresholds, c.getDouble(DetoxConfig.THRESHOLD_DEFAULT),
                c.getString(DetoxConfig.CLASSIFIER_TOXIC_LABEL), c.getInt(DetoxConfig.CLASSIFIER_MAX_BATCH),
                device(c, DetoxConfig.ONNX_DEVICE, device), defaultChain, chains,
                c.getDouble(DetoxConfig.REWRITER_SIMILARITY_FLOOR), c.getDouble(DetoxConfig.REWRITER_HOLD_THRESHOLD),
                c.getDouble(DetoxConfig.REWRITER_FLUENCY_FLOOR), c.getInt(DetoxConfig.REWRITER_MAX_BATCH_TOKENS), seq2seq, chat);
    }

    /** The classifier of {@code lang}. */
    public ModelSpec classifier(String lang) {
        return classifiers.getOrDefault(lang, defaultClassifier);
    }

    /** The rewriter chain of {@code lang}. */
    public List<ModelSpec> chain(String lang) {
        return chains.getOrDefault(lang, defaultChain);
    }

    /** Every classifier and rewriter spec named, default ones first (each once per key). */
    public List<ModelSpec> allSpecs() {
        List<ModelSpec> all = new ArrayList<>();
        all.add(defaultClassifier);
        all.addAll(classifiers.values());
        all.addAll(defaultChain);
        chains.values().forEach(all::addAll);
        return all;
    }

    private static List<String> languages(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String l = v.trim();
            if (!l.matches("[a-z]{2,3}")) {
                throw new ConfigException(DetoxConfig.LANGUAGES, values, "'" + l + "' is not an ISO 639-1 code");
            }
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        if (out.isEmpty()) {
            throw new ConfigException(DetoxConfig.LANGUAGES, values, "needs at least one language");
        }
        return out;
    }

    private static double threshold(String key, String v) {
        try {
            double t = Double.parseDouble(v.trim());
            if (t > 0 && t < 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key, v, "expected a probability in (0, 1)");
    }

    private static double reviewThreshold(String key, String v) {
        try {
            double t = Double.parseDouble(v.trim());
            if (t >= 0 && t <= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key, v, "expected a probability in [0, 1]");
    }

    private static List<ModelSpec> chain(String key, String v) {
        List<ModelSpec> chain = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                chain.add(ModelSpec.parse(part, key, ModelSpec.REWRITERS));
            }
        }
        if (chain.isEmpty()) {
            throw new ConfigException(key, v, "needs at least one backend");
        }
        return chain;
    }

    private static void checkChatNames(List<ModelSpec> defaultChain, Map<String, List<ModelSpec>> chains,
                                       Map<String, ChatSettings> chat) {
        List<ModelSpec> all = new ArrayList<>(defaultChain);
        chains.values().forEach(all::addAll);
        for (ModelSpec s : all) {
            if (s.kind() == ModelSpec.Kind.CHAT && !chat.containsKey(s.location())) {
                throw new ConfigException(s.key() + " names chat:" + s.location() + ", but chat." + s.location()
                        + ".url and chat." + s.location() + ".model are not set");
            }
        }
    }

    private static ModelDevice device(DetoxConfig c, String key, ModelDevice fallback) {
        String v = c.getString(key);
        return v == null || v.isBlank() ? fallback : ModelDevice.parse(v, key);
    }
}
