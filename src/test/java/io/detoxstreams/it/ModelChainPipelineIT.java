package io.detoxstreams.it;

import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorService;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.testing.FakeChatServer;
import io.detoxstreams.testing.FakeChatServer.Reply;
import io.detoxstreams.testing.onnx.TinySeq2Seq;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewriter stage with the chain {@code chat,onnx-seq2seq,embedded} on a real broker: a fake OpenAI-compatible
 * server on 127.0.0.1 that rewrites some comments, fails others (HTTP 500, malformed answers, timeouts), and a tiny
 * seq2seq export whose proposals cannot pass verification, so the chain falls back to the embedded rewriter. Every
 * comment must come out exactly once, each REWRITE naming the backend that produced it, and the backend meters must
 * be exported.
 */
class ModelChainPipelineIT {

    static final int COMMENTS = 520;
    private static final Pattern TOXIC_WORD = Pattern.compile(
            "(?iu)\\b(idiot\\w*|stupid\\w*|dumb\\w*|fuck\\w*|shit\\w*|moron\\w*|pathetic|trash|loser|hate|garbage|clown"
                    + "|complete|absolute|crap|st\\*pid|ѕtupіd)\\b\\s*");
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(Path.of("target", "kafka-it-chain"));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * The fake LLM: deletes the English insults and their intensifiers (what is left must score under the review
     * band to be published); every 5th comment a 500, every 7th malformed, every 11th too slow.
     */
    private static Reply answer(String comment, int attempt) {
        int h = Math.floorMod(comment.hashCode(), 77);
        if (h % 5 == 0) {
            return Reply.status(500, Map.of());
        }
        if (h % 7 == 0) {
            return Reply.content("{\"rewrite\": \"" + comment.replace("\"", "") + "\",, }");
        }
        String rewrite = TOXIC_WORD.matcher(comment).replaceAll("").trim();
        Reply r = Reply.rewrite(rewrite.isEmpty() ? comment : rewrite, "Removed the insults.");
        return h % 11 == 0 ? r.delayed(1500) : r;
    }

    @Test
    void shouldDeliverEveryCommentOnceNamingTheBackendThatProducedIt() throws Exception {
        Path seq2seq = new TinySeq2Seq(13, 8, 2, 2, 64, 10f, 11).write(Path.of("target", "test-models", "it-s2s"),
                true, true);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (FakeChatServer llm = FakeChatServer.start(ModelChainPipelineIT::answer)) {
            Map<String, Object> c = new HashMap<>();
            c.put(DetoxConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            c.put(DetoxConfig.APPLICATION_ID, "it-chain-" + run);
            c.put(DetoxConfig.REWRITER_GROUP_ID, "it-chain-rw-" + run);
            c.put(DetoxConfig.TOPIC_COMMENTS, "chain-comments-" + run);
            c.put(DetoxConfig.TOPIC_DETOXIFIED, "chain-detoxified-" + run);
            c.put(DetoxConfig.TOPIC_TOXIC, "chain-toxic-" + run);
            c.put(DetoxConfig.TOPIC_REVIEW, "chain-review-" + run);
            c.put(DetoxConfig.TOPIC_DLQ, "chain-dlq-" + run);
            c.put(DetoxConfig.TOPIC_METRICS, "chain-metrics-" + run);
            c.put(DetoxConfig.TOPIC_OUTCOMES, "chain-outcomes-" + run);
            c.put(DetoxConfig.METRICS_ENABLED, "false");
            c.put(DetoxConfig.HTTP_PORT, "-1");
            c.put(DetoxConfig.REWRITER_HTTP_PORT, "-1");
            c.put("kafka.state.dir", "target/kafka-streams-it-chain");
            c.put("language.lingua.accuracy", "low");
            c.put("rewriter.chain", "chat:llm,onnx-seq2seq:" + seq2seq + ",embedded");
            c.put("chat.llm.url", llm.url());
            c.put("chat.llm.model", "fake-llm");
            c.put("chat.llm.timeout.ms", "500");
            c.put("chat.llm.max.retries", "1");
            c.put("chat.llm.retry.backoff.ms", "10");
            c.put("chat.llm.breaker.failures", "1000");
            c.put("chat.llm.max.in.flight", "8");
            DetoxConfig config = new DetoxConfig(c);
            TopicNames topics = config.topics();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                TopicCreator.ensure(admin, topics.all(), 3, (short) -1, Duration.ofSeconds(30));
            }
            Codecs codecs = Codecs.from(config);
            try (Models models = ModelFactory.load(config);
                 ModeratorService moderator = new ModeratorService(config, models);
                 Telemetry telemetry = Telemetry.create()) {
                moderator.start(Duration.ofSeconds(60));
                RewriterNode rewriter = RewriterNode.create(config, models, telemetry, false);
                try {
                    rewriter.start("it-chain-rewriter");
                    produce(topics, codecs);
                    Outputs out = IntegrationTestUtils.collect(kafka.bootstrapServers(), topics, codecs, COMMENTS, 0,
                            Duration.ofMinutes(4), Integer.MAX_VALUE, null);
                    verify(out, models);
                    String scraped = telemetry.scrape();
                    assertThat(scraped).contains("detox_rewriter_backend_seconds_count{backend=\"chat:llm/fake-llm\"")
                            .contains("detox_rewriter_backend_batch_size_count")
                            .contains("detox_rewriter_backend_failures_total{backend=\"chat:llm/fake-llm\"");
                    assertThat(llm.maxInFlight()).isLessThanOrEqualTo(8);
                } finally {
                    rewriter.close();
                }
            }
        }
    }

    private static void produce(TopicNames topics, Codecs codecs) throws Exception {
        List<CommentEvent> sample = SampleComments.comments(Instant.now());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            // Vary the toxic comments a little so the fake LLM's behaviours (by hash) spread over them.
            CommentEvent base = sample.get(i % sample.size());
            String text = i < sample.size() ? base.getText() : base.getText() + " #" + (i / sample.size());
            CommentEvent e = CommentEvent.newBuilder(base).setId(id(i)).setText(text).build();
            records.add(new ProducerRecord<>(topics.comments(), id(i).getBytes(StandardCharsets.UTF_8),
                    codecs.comments().encode(topics.comments(), e)));
        }
        IntegrationTestUtils.produceSynchronously(kafka.bootstrapServers(), records);
    }

    private static void verify(Outputs out, Models models) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> backends = new TreeMap<>();
        for (Outputs.Result r : out.results()) {
            ModerationResult m = r.value();
            seen.merge(m.getId(), 1, Integer::sum);
            if (m.getAction() == ModerationAction.PASS) {
                continue;
            }
            assertThat(m.getExplanation()).as("explanation of %s", m.getId()).isNotNull();
            String backend = m.getExplanation().getBackend();
            assertThat(backend).isNotBlank();
            backends.merge(m.getAction() + " " + backend.replaceAll("/.*", ""), 1, Integer::sum);
            if (m.getAction() == ModerationAction.REWRITE) {
                assertThat(m.getModels().getRewriter()).isEqualTo(backend);
                assertThat(backend).matches("chat:llm/fake-llm|onnx-seq2seq/it-s2s|embedded/.+");
                if (backend.startsWith("chat:")) {
                    assertThat(m.getExplanation().getRationale()).isEqualTo("Removed the insults.");
                    assertThat(m.getExplanation().getMethod()).isEqualTo("chat-llm");
                }
            }
        }
        System.out.println("model chain pipeline: results by action and backend " + backends);
        assertThat(seen).hasSize(COMMENTS);
        for (int i = 0; i < COMMENTS; i++) {
            assertThat(seen.get(id(i))).as("results for %s", id(i)).isEqualTo(1);
        }
        assertThat(backends).containsKey("REWRITE chat:llm").containsKey("REWRITE embedded");
    }

    private static String id(int i) {
        return String.format("chain-%05d", i);
    }
}
