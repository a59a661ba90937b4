package io.detoxstreams.bench.pipeline;

import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.train.Progress;
import org.apache.kafka.clients.admin.Admin;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One input topic per contender, each sized for that contender's speed (so a pass-through gets millions of records
 * and the pipeline tens of thousands, and every one runs its steady-state time), and how many records each holds.
 * Records are appended, never rewritten: a topic topped up between rounds keeps the prefix earlier rounds read.
 */
final class InputTopics {

    private final Admin admin;
    private final String runId;
    private final PipelineBench.Options o;
    private final Progress progress;
    private final Map<Contender, Long> size = new HashMap<>();

    InputTopics(Admin admin, String runId, PipelineBench.Options o, Progress progress) {
        this.admin = admin;
        this.runId = runId;
        this.o = o;
        this.progress = progress;
        TopicCreator.ensure(admin, o.contenders().stream().map(this::topic).toList(), o.partitions(),
                o.replicationFactor(), Duration.ofSeconds(30));
    }

    String topic(Contender c) {
        return runId + ".input." + c.slug();
    }

    /** Whether {@code c}'s input is already as large as {@code --max-records} allows. */
    boolean capped(Contender c) {
        return size.getOrDefault(c, 0L) >= o.maxRecords();
    }

    /**
     * Tops the topics of {@code contenders} up to what their {@code rates} need for {@code seconds} of steady state,
     * with a margin (without a measured rate: 4× the first guess). Never more than {@code maxRecords}.
     */
    void fill(InputProducer producer, List<Contender> contenders, Map<Contender, Double> rates, double seconds)
            throws Exception {
        for (Contender c : contenders) {
            Double rate = rates.get(c);
            double r = rate != null && rate > 0 ? rate : 4 * PipelineBench.FIRST_GUESS.get(c.variant());
            long want = (long) Math.ceil(r * seconds / (PipelineBench.TO - PipelineBench.FROM) * 1.5);
            want = Math.min(o.maxRecords(), Math.max(want, 1_000));
            long have = size.getOrDefault(c, 0L);
            if (want > have) {
                producer.bulk(topic(c), have, want, progress, "produce input " + c.name());
                long n = Offsets.total(new Offsets(admin).end(topic(c)));
                if (n != want) {
                    throw new IllegalStateException(topic(c) + " holds " + n + " records, expected " + want);
                }
                size.put(c, want);
            }
        }
    }
}
