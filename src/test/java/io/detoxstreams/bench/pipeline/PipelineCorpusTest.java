package io.detoxstreams.bench.pipeline;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.data.Split;
import io.detoxstreams.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineCorpusTest {

    @TempDir
    Path dir;

    @Test
    void shouldGiveEveryLanguageAnEqualShareAndTheRequestedToxicShareFromTestRowsOnly() throws IOException {
        writeTsv("xa", 400);
        writeTsv("xb", 400);
        PipelineCorpus c = PipelineCorpus.load(dir, options(0.2, List.of(), PipelineCorpus.Lengths.NATURAL, false),
                null, null);

        assertThat(c.languages()).containsOnlyKeys("xa", "xb");
        assertThat(c.languages().get("xa")).isEqualTo(PipelineCorpus.CYCLE / 2);
        assertThat(c.toxicShare()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.001));
        for (int i = 0; i < 2_000; i++) {
            PipelineCorpus.Entry e = c.entry(i);
            assertThat(Split.of(e.text())).isEqualTo(Split.TEST);
            assertThat(e.text()).startsWith(e.toxic() ? "toxic " : "clean ").contains(e.lang());
        }
        assertThat(c.source()).contains("TEST rows");
    }

    @Test
    void shouldSendHintsOnlyWhenAskedAndNumberRecordsById() throws IOException {
        writeTsv("xa", 200);
        PipelineCorpus without = PipelineCorpus.load(dir, options(0.5, List.of(), PipelineCorpus.Lengths.NATURAL, false),
                null, null);
        PipelineCorpus with = PipelineCorpus.load(dir, options(0.5, List.of(), PipelineCorpus.Lengths.NATURAL, true),
                null, null);

        CommentEvent e = with.event(PipelineCorpus.CYCLE + 7, 1_000L);
        assertThat(e.getId()).isEqualTo("bench-" + (PipelineCorpus.CYCLE + 7));
        assertThat(e.getText()).isEqualTo(with.entry(7).text());
        assertThat(e.getLangHint()).isEqualTo("xa");
        assertThat(e.getCreatedAt().toEpochMilli()).isEqualTo(1_000L);
        assertThat(without.event(7, 1_000L).getLangHint()).isNull();
    }

    @Test
    void shouldKeepOnlyTheRequestedLanguages() throws IOException {
        writeTsv("xa", 200);
        writeTsv("xb", 200);
        PipelineCorpus c = PipelineCorpus.load(dir, options(0.2, List.of("xb"), PipelineCorpus.Lengths.NATURAL, false),
                null, null);
        assertThat(c.languages()).containsOnlyKeys("xb");
        assertThatThrownBy(() -> PipelineCorpus.load(dir, options(0.2, List.of("zz"), PipelineCorpus.Lengths.NATURAL,
                false), null, null)).hasMessageContaining("zz");
    }

    @Test
    void shouldFitTextsIntoTheRequestedLengthsByJoiningAndCuttingAtSpaces() {
        List<String> pool = List.of("one two", "three four five", "six");
        PipelineCorpus.Lengths range = PipelineCorpus.Lengths.parse("12-20");
        for (int i = 0; i < 3; i++) {
            String s = PipelineCorpus.fit(pool, i, range);
            assertThat(s.length()).isBetween(12, 20);
            assertThat(s).doesNotEndWith(" ");
        }
        assertThat(PipelineCorpus.fit(pool, 0, PipelineCorpus.Lengths.NATURAL)).isEqualTo("one two");
        assertThat(PipelineCorpus.Lengths.parse("natural")).isEqualTo(PipelineCorpus.Lengths.NATURAL);
        assertThatThrownBy(() -> PipelineCorpus.Lengths.parse("20-10")).hasMessageContaining("MIN-MAX");
        assertThatThrownBy(() -> PipelineCorpus.Lengths.parse("long")).hasMessageContaining("natural");
    }

    @Test
    void shouldFallBackToTheDemoSampleLabelledByTheShippedModelsWithoutData() {
        var models = TestModels.bundle();
        PipelineCorpus c = PipelineCorpus.load(dir.resolve("absent"), options(0.3, List.of(),
                PipelineCorpus.Lengths.NATURAL, false), models.languageDetector(), models.classifier());

        assertThat(c.source()).contains("demo sample");
        assertThat(c.languages().size()).isGreaterThan(3);
        assertThat(c.toxicShare()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        PipelineCorpus.Entry toxic = java.util.stream.IntStream.range(0, 100).mapToObj(c::entry)
                .filter(PipelineCorpus.Entry::toxic).findFirst().orElseThrow();
        assertThat(models.classifier().classify(toxic.text(), toxic.lang()).toxic()).isTrue();
    }

    private static PipelineCorpus.Options options(double share, List<String> langs, PipelineCorpus.Lengths lengths,
                                                  boolean hints) {
        return new PipelineCorpus.Options(share, langs, lengths, hints);
    }

    /** A toxicity/LANG.tsv with {@code n} toxic and {@code n} clean rows, some of which fall into the TEST split. */
    private void writeTsv(String lang, int n) throws IOException {
        List<String> lines = new ArrayList<>(List.of("text\tlabel"));
        for (int i = 0; i < n; i++) {
            lines.add("toxic " + lang + " comment number " + i + "\t1");
            lines.add("clean " + lang + " comment number " + i + "\t0");
        }
        Path f = dir.resolve("toxicity").resolve(lang + ".tsv");
        Files.createDirectories(f.getParent());
        Files.write(f, lines, StandardCharsets.UTF_8);
    }
}
