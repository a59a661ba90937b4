package io.detoxstreams.serde;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.DetoxConfig;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The codecs a process needs, built from configuration: {@code input.format} for comment events,
 * {@code output.format} for results and metrics. One registry client (and cache) is shared by all of them.
 *
 * <pre>{@code
 * Codecs codecs = Codecs.from(config);
 * Codec<CommentEvent> in = codecs.comments();
 * }</pre>
 */
public final class Codecs {

    private final Codec<CommentEvent> comments;
    private final Codec<ModerationResult> results;
    private final Codec<LanguageMetrics> metrics;

    public Codecs(Format input, Format output, String registryUrl) {
        this(input, output, registryUrl, SchemaRegistryClient.Security.NONE);
    }

    public Codecs(Format input, Format output, String registryUrl, SchemaRegistryClient.Security security) {
        SchemaRegistryClient registry = (input == Format.AVRO_CONFLUENT || output == Format.AVRO_CONFLUENT)
                ? new SchemaRegistryClient(registryUrl, security) : null;
        this.comments = codec(input, CommentEvent.getClassSchema(), registry);
        this.results = codec(output, ModerationResult.getClassSchema(), registry);
        this.metrics = codec(output, LanguageMetrics.getClassSchema(), registry);
    }

    public static Codecs from(DetoxConfig config) {
        return new Codecs(Format.fromConfig(config.getString(DetoxConfig.INPUT_FORMAT)),
                Format.fromConfig(config.getString(DetoxConfig.OUTPUT_FORMAT)),
                config.getString(DetoxConfig.SCHEMA_REGISTRY_URL), SchemaRegistryClient.Security.from(config));
    }

    /** Default formats (avro in and out), no registry. */
    public static Codecs avro() {
        return new Codecs(Format.AVRO, Format.AVRO, null);
    }

    /**
     * Released versions of the schemas, kept on the classpath under {@code /avro/released/<Name>-v<N>.avsc}: an
     * {@code avro} codec reads records written with any of them (a rolling upgrade leaves older records on the
     * topics), the current version's single-object fingerprint being different.
     */
    static final java.util.Map<String, java.util.List<String>> RELEASED = java.util.Map.of(
            "ModerationResult", java.util.List.of("ModerationResult-v1.avsc"),
            "LanguageMetrics", java.util.List.of("LanguageMetrics-v1.avsc", "LanguageMetrics-v2.avsc"));

    public static <T extends SpecificRecord> Codec<T> codec(Format format, Schema schema, SchemaRegistryClient registry) {
        return switch (format) {
            case AVRO -> withReleasedSchemas(new AvroSingleObjectCodec<>(schema), schema);
            case JSON -> new JsonCodec<>(schema);
            case AVRO_CONFLUENT -> new ConfluentAvroCodec<>(schema, registry);
        };
    }

    private static <T extends SpecificRecord> AvroSingleObjectCodec<T> withReleasedSchemas(AvroSingleObjectCodec<T> codec,
                                                                                         Schema schema) {
        for (String file : RELEASED.getOrDefault(schema.getName(), java.util.List.of())) {
            try (java.io.InputStream in = Codecs.class.getResourceAsStream("/avro/released/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("released schema /avro/released/" + file + " is not on the classpath");
                }
                codec.addWriterSchema(new Schema.Parser().parse(in));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return codec;
    }

    public Codec<CommentEvent> comments() {
        return comments;
    }

    public Codec<ModerationResult> results() {
        return results;
    }

    public Codec<LanguageMetrics> metrics() {
        return metrics;
    }
}
