package io.detoxstreams.text;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentAnswersTest {

    @Test
    void shouldFindTheLastAnswersByEqualKeysAndForgetTheOldest() {
        RecentAnswers<Integer> recent = new RecentAnswers<>(2);
        recent.put("a", "b", null, 1);
        recent.put("c", "d", "en", 2);
        assertThat(recent.find(new String("a"), "b", null)).isEqualTo(1);
        assertThat(recent.find("c", "d", "en")).isEqualTo(2);
        assertThat(recent.find("c", "d", "ru")).as("every key counts").isNull();
        assertThat(recent.find("a", null, null)).as("a missing key is not a wildcard").isNull();
        recent.put("e", null, null, 3);
        assertThat(recent.find("a", "b", null)).as("the oldest went").isNull();
        assertThat(recent.find("c", "d", "en")).isEqualTo(2);
        assertThat(recent.find("e", null, null)).isEqualTo(3);
    }

    @Test
    void shouldKeepEachThreadsAnswersApart() throws InterruptedException {
        RecentAnswers<String> recent = new RecentAnswers<>(4);
        recent.put("text", null, null, "main");
        AtomicReference<String> seen = new AtomicReference<>("unset");
        Thread other = new Thread(() -> seen.set(recent.find("text", null, null)));
        other.start();
        other.join();
        assertThat(seen.get()).isNull();
        assertThat(recent.find("text", null, null)).isEqualTo("main");
    }

    @Test
    void shouldRefuseNoRoomAndNullAnswers() {
        assertThatThrownBy(() -> new RecentAnswers<String>(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentAnswers<String>(1).put("a", null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
