package io.detoxstreams.models;

import io.detoxstreams.classify.RoutingClassifier;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.classify.onnx.OnnxToxicityClassifier;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.ModelSettings;
import io.detoxstreams.config.ModelSpec;
import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.rewrite.MemoizingClassifier;
import io.detoxstreams.rewrite.Rewriter;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.rewrite.chat.ChatRewriter;
import io.detoxstreams.rewrite.embedded.EmbeddedRewriter;
import io.detoxstreams.rewrite.onnxseq2seq.OnnxSeq2SeqRewriter;
import io.detoxstreams.rewrite.policy.HoldPolicy;
import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one way to build models: everything from {@link DetoxConfig} ({@link ModelSettings}). Every command (demo,
 * moderator, rewriter, classify, rewrite, eval, bench) and every test gets its models here.
 * <ul>
 *   <li>language detection over {@code languages} ({@code language.lingua.accuracy});</li>
 *   <li>the embedded classifier with the {@code threshold.<lang>} and {@code review.threshold.<lang>} overrides of
 *       its shipped operating point, and an {@code onnx} classifier per
 *       distinct directory named by {@code classifier.default} / {@code classifier.<lang>}, routed per language;</li>
 *   <li>the detoxifier: {@code rewriter.chain} / {@code rewriter.chain.<lang>} with one instance per distinct backend
 *       ({@code embedded}, {@code onnx-seq2seq:DIR}, {@code chat:NAME}), verified by the routed classifier at the
 *       review band's lower bound (the judge: a rewrite that is still uncertain is not published),
 *       {@code rewriter.similarity.floor}, {@code rewriter.hold.threshold}, {@code rewriter.fluency.floor} (the shipped
 *       fluency models check the rewrites of every backend) and {@code rewriter.max.batch.tokens}.</li>
 * </ul>
 * A model that cannot be loaded fails with a {@link ConfigException} naming its key and path.
 *
 * <pre>{@code
 * try (Models models = ModelFactory.load(config)) { ... }
 * }</pre>
 */
public final class ModelFactory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelFactory.class);

    private ModelFactory() {
    }

    /** The embedded defaults (no configuration): what the demo and most tests run. */
    public static Models loadDefault() {
        return load(new DetoxConfig(Map.of()));
    }

    public static Models load(DetoxConfig config) {
        return load(config, null, System.getenv());
    }

    /**
     * @param embeddedModel a toxicity model file from {@code train} instead of the shipped one; null for the shipped
     * @param env           the environment, for chat API keys
     */
    public static Models load(DetoxConfig config, Path embeddedModel, Map<String, String> env) {
        ModelSettings s = config.models();
        EmbeddedToxicityClassifier embedded = (embeddedModel == null ? EmbeddedToxicityClassifier.loadDefault()
                : EmbeddedToxicityClassifier.load(embeddedModel)).withThresholds(s.thresholds())
                .withReviewThresholds(s.reviewThresholds());
        Map<String, ToxicityClassifier> onnxByDir = new HashMap<>();
        ToxicityClassifier classifier = classifier(s, embedded, onnxByDir);
        // The same classifiers with the embedded one deciding from the review band's lower bound on: what a rewrite
        // must get under to be published (onnx classifiers have no band, and are shared, not loaded twice).
        ToxicityClassifier judge = classifier(s, embedded.withThresholdsAtReviewBand(), onnxByDir);
        HoldPolicy policy = s.holdThreshold() == null ? HoldPolicy.defaults()
                : HoldPolicy.defaults().withNotDetoxifiableThreshold(s.holdThreshold());
        return new Models(() -> CompositeLanguageDetector.builder().languages(s.languages())
                .linguaLowAccuracy(s.linguaLowAccuracy()).build(), embedded, classifier, judge, policy,
                models -> detoxifier(s, judge, models.languageDetector(), policy, env));
    }

    private static ToxicityClassifier classifier(ModelSettings s, EmbeddedToxicityClassifier embedded,
                                                 Map<String, ToxicityClassifier> byDir) {
        Function<ModelSpec, ToxicityClassifier> build = spec -> spec.kind() == ModelSpec.Kind.EMBEDDED ? embedded
                : byDir.computeIfAbsent(spec.dir().toAbsolutePath().normalize().toString(), d -> loading(spec,
                        () -> OnnxToxicityClassifier.load(spec.dir(), new OnnxToxicityClassifier.Options(
                                s.onnxDevice(), s.toxicLabel(), s.classifierMaxBatch(), s.thresholds(),
                                s.defaultThreshold()), embedded)));
        try {
            ToxicityClassifier fallback = build.apply(s.defaultClassifier());
            Map<String, ToxicityClassifier> perLanguage = new LinkedHashMap<>();
            s.classifiers().forEach((lang, spec) -> perLanguage.put(lang, build.apply(spec)));
            perLanguage.values().removeIf(c -> c == fallback);
            return perLanguage.isEmpty() ? fallback : new RoutingClassifier(perLanguage, fallback);
        } catch (RuntimeException e) {
            byDir.values().forEach(ToxicityClassifier::close);
            throw e;
        }
    }

    private static VerifyingDetoxifier detoxifier(ModelSettings s, ToxicityClassifier classifier,
                                                  LanguageDetector detector, HoldPolicy policy,
                                                  Map<String, String> env) {
        // Rewriter self-check and verifier share one memo, so the verifier's re-score of a rewrite the embedded
        // rewriter has just scored is not a second classifier run.
        MemoizingClassifier rescoring = new MemoizingClassifier(classifier);
        Map<String, Rewriter> backends = new LinkedHashMap<>();
        Function<List<ModelSpec>, List<Rewriter>> chain = specs -> {
            List<Rewriter> out = new ArrayList<>();
            for (ModelSpec spec : specs) {
                out.add(backends.computeIfAbsent(spec.text(), k -> rewriter(spec, s, rescoring, env)));
            }
            return out;
        };
        try {
            VerifyingDetoxifier.Builder b = VerifyingDetoxifier.builder().classifier(rescoring)
                    .languageDetector(detector).similarityFloor(s.similarityFloor()).policy(policy)
                    .fluency(FluencyModel.loadDefault(), s.fluencyFloor()).maxBatchTokens(s.maxBatchTokens());
            chain.apply(s.defaultChain()).forEach(b::rewriter);
            s.chains().forEach((lang, specs) -> b.chain(lang, chain.apply(specs)));
            return b.build();
        } catch (RuntimeException e) {
            backends.values().forEach(Rewriter::close);
            throw e;
        }
    }

    private static Rewriter rewriter(ModelSpec spec, ModelSettings s, MemoizingClassifier rescoring,
                                     Map<String, String> env) {
        return switch (spec.kind()) {
            case EMBEDDED -> EmbeddedRewriter.loadDefault(rescoring);
            case ONNX_SEQ2SEQ -> loading(spec, () -> OnnxSeq2SeqRewriter.load(spec.dir(), s.seq2seq()));
            case CHAT -> loading(spec, () -> ChatRewriter.create(s.chat().get(spec.location()), env));
            case ONNX -> throw new ConfigException(spec.key(), spec.text(), "not a rewriter");
        };
    }

    /** Runs a model loader; a failure becomes a ConfigException naming the key and the value (path). */
    private static <T> T loading(ModelSpec spec, java.util.function.Supplier<T> loader) {
        try {
            long t0 = System.nanoTime();
            T model = loader.get();
            LOG.info("{}={} loaded in {} ms{}", spec.key(), spec.text(), (System.nanoTime() - t0) / 1_000_000,
                    model instanceof OnnxToxicityClassifier c ? " on " + c.device()
                            : model instanceof OnnxSeq2SeqRewriter r ? " on " + r.device() + " (" + r.layout() + ")"
                            : "");
            return model;
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(spec.key() + "=" + spec.text() + ": " + e.getMessage());
        }
    }
}
