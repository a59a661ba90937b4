package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.SpanEdit;
import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Verifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the word edits of a rewrite do not pass the verifier's fluency check, the rewriter drops the edited sentences
 * (or clauses) whole instead, so the comment is published without them rather than held. Shipped tables and fluency
 * models, spans given as the classifier would report them, no self-check.
 */
class SentenceDropTest {

    private final FluencyModel fluency = FluencyModel.loadDefault();
    private final EmbeddedRewriter rewriter = EmbeddedRewriter.builder().tables(SubstitutionTables.loadShipped())
            .fluency(fluency).build();
    private final EmbeddedRewriter wordEditsOnly = EmbeddedRewriter.builder().tables(SubstitutionTables.loadShipped())
            .fluency(fluency).options(RewriterOptions.defaults().withDropSentences(false)).build();

    private static RewriteRequest request(String lang, String text, String... spanWords) {
        return EditChooserTest.requestIn(lang, text, spanWords);
    }

    private boolean reads(RewriteRequest r, String text) {
        return Verifier.reads(fluency.forLanguage(r.lang()).orElse(null), r.text(), text, r.lang(),
                Verifier.DEFAULT_FLUENCY_FLOOR);
    }

    @Test
    void shouldDropTheSentenceItsWordEditsCannotMend() {
        RewriteRequest r = request("en", "fuck ? ? what did i do to make you so angry", "fuck");
        String wordEdits = wordEditsOnly.rewrite(r).text();
        assertThat(reads(r, wordEdits)).as(wordEdits).isFalse();

        Rewrite w = rewriter.rewrite(r);

        assertThat(w.text()).isEqualTo("what did i do to make you so angry");
        assertThat(reads(r, w.text())).isTrue();
        assertThat(w.edits()).extracting(SpanEdit::action).containsOnly(EditAction.DELETED);
        assertThat(w.edits()).anySatisfy(e -> assertThat(r.text().substring(e.start(), e.end()))
                .isEqualTo("fuck ? ?"));
    }

    @Test
    void shouldDropTheSentenceInOtherLanguages() {
        for (RewriteRequest r : List.of(
                request("ru", "Сукаааа.... Я опять опоздала на поезд(((", "Сукаааа"),
                request("ru", "уроды конченые!!!! на поезд опять опоздали - как всегда.", "уроды конченые"),
                request("es", "que pedazo de imbécil. el tren llega tarde otra vez.", "imbécil"))) {
            String wordEdits = wordEditsOnly.rewrite(r).text();
            String dropped = rewriter.rewrite(r).text();
            assertThat(reads(r, wordEdits)).as(wordEdits).isFalse();
            assertThat(reads(r, dropped)).as(dropped).isTrue();
            assertThat(r.text()).as("what stays is one sentence of the original, as written").contains(dropped);
        }
    }

    @Test
    void shouldDropTheEditedClauseWhenNoWholeSentenceCanGo() {
        RewriteRequest r = request("en", "i totally agree , saving his own fucking ass", "fucking ass");
        String wordEdits = wordEditsOnly.rewrite(r).text();
        assertThat(reads(r, wordEdits)).as(wordEdits).isFalse();
        assertThat(rewriter.rewrite(r).text()).isEqualTo("i totally agree");
    }

    /** The sentence is about Merkel: dropping it would drop her, so the word edit stands for the verifier to judge. */
    @Test
    void shouldNotDropASentenceWithAProtectedPerson() {
        String text = "Merkel ist eine dumme Kuh. Der Zug kommt heute wieder zu spät.";
        assertThat(rewriter.rewrite(request("de", text, "dumme Kuh")).text()).startsWith("Merkel");
    }

    @Test
    void shouldEndASentenceAtAMarkGluedToACapitalButNotInsideAWord() {
        TokenPlan glued = planDeleting("Das ist Mist.Die Bahn kommt zu spät", "Mist");
        assertThat(SentenceDrop.apply(glued, false)).isTrue();
        assertThat(SentenceRepair.render(glued, "de", false).text()).isEqualTo("Die Bahn kommt zu spät");

        // "пиздо...цы": the marks are inside a masked word, so there is one sentence and nothing would stay.
        TokenPlan masked = planDeleting("пиздо...цы не засирайте ленту", "пиздо");
        assertThat(SentenceDrop.apply(masked, false)).isFalse();
        assertThat(masked.changed(masked.size() - 1)).isFalse();
    }

    @Test
    void shouldDropNothingWhenNoSentenceWouldStay() {
        TokenPlan plan = planDeleting("Du Vollidiot. Du Arsch!", "Vollidiot", "Arsch");
        assertThat(SentenceDrop.apply(plan, false)).isFalse();
        assertThat(SentenceDrop.apply(plan, true)).isFalse();
    }

    /** A plan of {@code text} with the tokens of {@code words} deleted, as the word edits would leave it. */
    private static TokenPlan planDeleting(String text, String... words) {
        TokenPlan plan = new TokenPlan(text, List.of());
        for (String w : words) {
            int start = text.indexOf(w);
            for (int i = 0; i < plan.size(); i++) {
                if (plan.tokens.get(i).overlaps(start, start + w.length())) {
                    plan.delete(i, plan.newGroup(1.0));
                }
            }
        }
        return plan;
    }
}
