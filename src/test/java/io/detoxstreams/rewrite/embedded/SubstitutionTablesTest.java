package io.detoxstreams.rewrite.embedded;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubstitutionTablesTest {

    @Test
    void shouldShipATableForEveryDetoxLanguage() {
        Map<String, SubstitutionTable> tables = SubstitutionTables.loadShipped();
        assertThat(tables).containsOnlyKeys("de", "en", "es", "hi", "ru", "uk", "zh");
        assertThat(tables.get("en").word("fucking").deletes()).isTrue();
        assertThat(tables.get("en").word("fucking").changeRate()).isGreaterThan(0.9);
        assertThat(tables.get("ru").prefixOf("пиздец")).isNotNull();
    }
}
