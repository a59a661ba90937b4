package io.detoxstreams.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the pipeline's topics when they are missing, then waits until every partition has a leader (producing
 * right after {@code createTopics} can otherwise lose the first batch, KAFKA-15591). Existing topics are left as they
 * are.
 *
 * <pre>{@code
 * try (Admin admin = Admin.create(props)) {
 *     TopicCreator.ensure(admin, topics.all(), 6, (short) -1, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    /**
     * @param replicationFactor -1 for the broker's default
     */
    public static void ensure(Admin admin, Collection<String> names, int partitions, short replicationFactor,
                              Duration timeout) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream().distinct().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, Optional.of(partitions),
                            replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor)))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                    LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {   // another instance was faster
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, names, timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    static void awaitLeaders(Admin admin, Collection<String> names, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get();
                boolean ready = d.values().stream().flatMap(t -> t.partitions().stream())
                        .map(TopicPartitionInfo::leader).allMatch(l -> l != null && !l.isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " have no leaders after " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
