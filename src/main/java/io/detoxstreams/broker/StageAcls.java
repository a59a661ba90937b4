package io.detoxstreams.broker;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka ACLs each stage needs on a cluster with an authorizer — the list in the README (Operations, Security),
 * kept as code so that {@code SecureClusterIT} runs the pipeline with exactly these and nothing more.
 *
 * <pre>{@code
 * admin.createAcls(StageAcls.moderator(config, "User:moderator")).all().get();
 * }</pre>
 */
public final class StageAcls {

    private StageAcls() {
    }

    /**
     * The moderator (Kafka Streams, exactly-once): reads comments and, for the metrics, comments.outcomes and
     * comments.dlq; writes detoxified, toxic, dlq and metrics; owns its internal topics, group and transactional ids,
     * all named after {@code application.id}. Creating the topics at start-up ({@code topics.create}) also needs CREATE
     * and DESCRIBE on each of them.
     */
    public static List<AclBinding> moderator(DetoxConfig config, String principal) {
        TopicNames t = config.topics();
        String app = config.getString(DetoxConfig.APPLICATION_ID);
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(t.comments(), t.outcomes(), t.dlq())) {
            allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
        }
        for (String topic : List.of(t.detoxified(), t.toxic(), t.dlq(), t.metrics())) {
            allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
        }
        allow(acls, principal, ResourceType.TOPIC, app + "-", PatternType.PREFIXED, AclOperation.ALL);
        allow(acls, principal, ResourceType.GROUP, app, PatternType.LITERAL, AclOperation.READ);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, app + "-", PatternType.PREFIXED, AclOperation.WRITE);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, app + "-", PatternType.PREFIXED, AclOperation.DESCRIBE);
        topicCreation(acls, principal, config);
        return acls;
    }

    /**
     * A rewriter worker: reads comments.toxic in group {@code rewriter.group.id}; writes detoxified, review, dlq and
     * outcomes in transactions whose id is {@code rewriter.transactional.id}, or {@code rewriter.group.id} plus a
     * random suffix (hence the prefix).
     */
    public static List<AclBinding> rewriter(DetoxConfig config, String principal) {
        TopicNames t = config.topics();
        String group = config.getString(DetoxConfig.REWRITER_GROUP_ID);
        String txId = config.getString(DetoxConfig.REWRITER_TRANSACTIONAL_ID);
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, principal, ResourceType.TOPIC, t.toxic(), PatternType.LITERAL, AclOperation.READ);
        for (String topic : List.of(t.detoxified(), t.review(), t.dlq(), t.outcomes())) {
            allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
        }
        allow(acls, principal, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ);
        String id = txId.isBlank() ? group + "-" : txId;
        PatternType pattern = txId.isBlank() ? PatternType.PREFIXED : PatternType.LITERAL;
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, id, pattern, AclOperation.WRITE);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, id, pattern, AclOperation.DESCRIBE);
        topicCreation(acls, principal, config);
        return acls;
    }

    /** An application publishing comments (and the {@code produce} command). */
    public static List<AclBinding> publisher(DetoxConfig config, String principal) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, principal, ResourceType.TOPIC, config.topics().comments(), PatternType.LITERAL, AclOperation.WRITE);
        return acls;
    }

    /** A reader of the results (and the {@code tail} command, whose groups are {@code detox-tail-<random>}). */
    public static List<AclBinding> reader(DetoxConfig config, String principal, String groupPrefix) {
        TopicNames t = config.topics();
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(t.detoxified(), t.review(), t.dlq())) {
            allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
        }
        allow(acls, principal, ResourceType.GROUP, groupPrefix, PatternType.PREFIXED, AclOperation.READ);
        return acls;
    }

    private static void topicCreation(List<AclBinding> acls, String principal, DetoxConfig config) {
        if (config.getBoolean(DetoxConfig.TOPICS_CREATE)) {
            for (String topic : config.topics().all()) {
                allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.CREATE);
                allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE);
            }
        }
    }

    private static void allow(List<AclBinding> acls, String principal, ResourceType type, String name,
                              PatternType pattern, AclOperation op) {
        acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
    }
}
