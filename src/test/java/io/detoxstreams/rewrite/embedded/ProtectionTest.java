package io.detoxstreams.rewrite.embedded;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectionTest {

    @Test
    void aWordThatStretchesALetterShouldNotCountAsAName() {
        assertThat(Protection.elongated("Cabroooooonnn")).isTrue();
        assertThat(Protection.elongated("Maricoooon")).isTrue();
        assertThat(Protection.elongated("NOOO")).isTrue();
    }

    @Test
    void namesWithDoubleLettersShouldStillCountAsNames() {
        assertThat(Protection.elongated("Anna")).isFalse();
        assertThat(Protection.elongated("Scholl")).isFalse();
        assertThat(Protection.elongated("Aaron")).isFalse();
        assertThat(Protection.elongated("Merkel")).isFalse();
        assertThat(Protection.elongated("x")).isFalse();
        assertThat(Protection.elongated("1000")).isFalse();
    }

    /**
     * A Chinese negation is one character among the others, and the attribution fallback deleted it with them:
     * "也不配当中国人" → "也配当中国人", "也不妨碍你" → "也妨碍你" (TEST rows published before negations were protected in
     * zh).
     */
    @Test
    void chineseNegationsShouldBeProtected() {
        TokenPlan plan = new TokenPlan("你也不配，别说没用的", List.of());
        boolean[] protect = Protection.of(plan, "zh", null, null);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < plan.size(); i++) {
            if (protect[i]) {
                kept.append(plan.texts[i]);
            }
        }
        assertThat(kept.toString()).isEqualTo("不别没");
    }

    /**
     * With Chinese text segmented into words, a group word is one token ("穆斯林") or a few ("中国|人"); the DEV row
     * "有些穆斯林特恶心吃猪肉的" lost "穆斯林" before it was listed.
     */
    @Test
    void chineseGroupWordsShouldBeProtectedAsOneTokenOrSeveral() {
        TokenPlan plan = new TokenPlan("有些穆斯林特恶心，失足妇女也配当中国人", List.of());
        boolean[] protect = Protection.of(plan, "zh", null, null);
        List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (protect[i]) {
                kept.add(plan.texts[i]);
            }
        }
        assertThat(String.join("", kept)).isEqualTo("穆斯林妇女中国人");
    }
}
