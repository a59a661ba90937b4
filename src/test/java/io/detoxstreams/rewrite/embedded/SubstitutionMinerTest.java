package io.detoxstreams.rewrite.embedded;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubstitutionMinerTest {

    static final List<String[]> PAIRS = List.of(
            new String[] {"you are an idiot and wrong", "you are a person and wrong"},
            new String[] {"that idiot is late again", "that person is late again"},
            new String[] {"what an idiot , he lost", "what a person , he lost"},
            new String[] {"this is fucking great", "this is great"},
            new String[] {"fucking hell that hurt", "that hurt"},
            new String[] {"the fucking bus is late", "the bus is late"},
            new String[] {"the bus is late", "the bus is late"},
            new String[] {"the bus is late again", "the bus is late again"});

    static SubstitutionTable mine(List<String[]> pairs) {
        SubstitutionMiner miner = new SubstitutionMiner(SubstitutionMiner.Options.defaults());
        pairs.forEach(p -> miner.add(p[0], p[1]));
        return miner.build("en", List.of("test"));
    }

    @Test
    void shouldMineReplacementsAndDeletionsWithCounts() {
        SubstitutionTable table = mine(PAIRS);
        SubstitutionTable.Entry idiot = table.word("idiot");
        assertThat(idiot.replacement()).isEqualTo("person");
        assertThat(idiot.seen()).isEqualTo(3);
        assertThat(idiot.changed()).isEqualTo(3);
        SubstitutionTable.Entry fucking = table.word("fucking");
        assertThat(fucking.deletes()).isTrue();
        assertThat(fucking.changeRate()).isEqualTo(1.0);
        assertThat(table.word("bus")).isNull();
    }

    @Test
    void shouldMarkFrequentUntouchedWordsAsKeep() {
        List<String[]> many = new ArrayList<>(PAIRS);
        for (int i = 0; i < 10; i++) {
            many.add(new String[] {"the train " + i + " is fucking late", "the train " + i + " is late"});
        }
        SubstitutionTable table = mine(many);
        assertThat(table.keep("the")).isNotNull();
        assertThat(table.keep("fucking")).isNull();
    }

    @Test
    void shouldBeDeterministicWhateverThePairOrderAndRoundTripThroughTsv() throws Exception {
        List<String[]> shuffled = new ArrayList<>(PAIRS);
        Collections.reverse(shuffled);
        String a = write(mine(PAIRS));
        String b = write(mine(shuffled));
        assertThat(a).isEqualTo(b);
        SubstitutionTable read = SubstitutionTable.read(new ByteArrayInputStream(a.getBytes(StandardCharsets.UTF_8)),
                "en");
        assertThat(write(read)).isEqualTo(a);
    }

    private static String write(SubstitutionTable t) throws Exception {
        StringWriter w = new StringWriter();
        t.write(w);
        return w.toString();
    }
}
