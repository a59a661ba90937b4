package io.detoxstreams.serde;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ExplanationInfo;
import io.detoxstreams.avro.LanguageInfo;
import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.avro.ModelVersions;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.avro.SpanEditInfo;
import io.detoxstreams.avro.Timings;
import io.detoxstreams.avro.ToxicSpanInfo;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 only instantiates classes it trusts when it resolves a schema name to a class; our generated classes are
 * added, by class, to whatever policy is already in force (system properties included).
 */
public final class TrustedAvroClasses {

    static {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                ClassSecurityValidator.builder()
                        .add(CommentEvent.class).add(ModerationResult.class).add(ModerationAction.class)
                        .add(LanguageInfo.class).add(ToxicSpanInfo.class).add(ExplanationInfo.class)
                        .add(SpanEditInfo.class).add(ModelVersions.class).add(Timings.class)
                        .add(LanguageMetrics.class)
                        .build()));
    }

    private TrustedAvroClasses() {
    }

    /** Call before building or copying generated records; idempotent (the work happens once). */
    public static void ensure() {
    }
}
