package io.detoxstreams.moderator;

import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class StreamThreadFailuresTest {

    /** What the moderator's thread died of in a broker-outage proof run: a commit after the broker came back. */
    private static StreamsException commitAfterBrokerRestart() {
        return new StreamsException("Error encountered trying to commit a transaction",
                new InvalidTxnStateException("The producer attempted a transactional operation in an invalid state."));
    }

    @Test
    void shouldReplaceAThreadThatDiedOfATransientTransactionalErrorAFewTimesThenShutDown() {
        AtomicLong now = new AtomicLong();
        StreamThreadFailures failures = new StreamThreadFailures(now::get);
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
            assertThat(failures.handle(commitAfterBrokerRestart())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.addAndGet(1_000_000_000L);
        }
        assertThat(failures.handle(commitAfterBrokerRestart())).as("a thread that keeps failing does not spin")
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        now.addAndGet(StreamThreadFailures.WINDOW.toNanos() + 1);
        assertThat(failures.handle(new StreamsException(new TimeoutException("task timed out"))))
                .as("the budget refills after the window").isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shouldShutDownOnAnythingElse() {
        StreamThreadFailures failures = new StreamThreadFailures(() -> 0L);
        assertThat(failures.handle(new StreamsException("processor failed", new IllegalStateException("bug"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.handle(new NullPointerException())).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(StreamThreadFailures.transientKafkaError(commitAfterBrokerRestart()))
                .isInstanceOf(InvalidTxnStateException.class);
    }
}
