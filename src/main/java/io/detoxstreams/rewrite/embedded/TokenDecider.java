package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.text.FunctionWords;
import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;

import java.util.List;

/**
 * Decides keep / delete / replace for every word of a {@link TokenPlan}, left to right, longest table phrase first
 * (multi-word phrases of spaced scripts only up to {@link RewriterOptions#maxWordPhrase()} words; Han phrases always):
 * <ol>
 *   <li>a table entry with strong evidence (seen often, usually changed by editors) applies anywhere — this finds
 *       toxic words the classifier's spans miss;</li>
 *   <li>inside a classifier span a weaker entry applies, a {@code keep} word (a function word editors leave alone)
 *       stays, and any other word is deleted;</li>
 *   <li>words a self-check pass flagged ({@link TokenPlan#forced}) are always deleted.</li>
 * </ol>
 * Protected words ({@link Protection}: the people and groups the comment is about) are never changed.
 * An entry replaces when editors chose its replacement often enough, otherwise it deletes.
 */
final class TokenDecider {

    private final SubstitutionTable table;
    private final RewriterOptions options;

    TokenDecider(SubstitutionTable table, RewriterOptions options) {
        this.table = table;
        this.options = options;
    }

    void decide(TokenPlan plan, List<ToxicSpan> spans) {
        int n = plan.size();
        int i = 0;
        while (i < n) {
            if (!plan.wordLike(i) || plan.protect[i] || plan.emoticonLetter(i)) {
                i++;
                continue;
            }
            int used = table == null ? 0 : applyTable(plan, i);
            if (used > 0) {
                i += used;
                continue;
            }
            if (plan.forced[i]) {
                plan.delete(i, plan.newGroup(1.0));
            } else if (plan.span[i] >= 0 && !keep(plan, i)) {
                plan.delete(i, plan.newGroup(spans.get(plan.span[i]).score()));
            }
            i++;
        }
    }

    /** Tries phrase entries from the longest down; returns how many tokens it consumed (0 = none applied). */
    private int applyTable(TokenPlan plan, int i) {
        int limit = plan.tokens.get(i).kind() == Token.Kind.HAN ? table.maxPhraseTokens()
                : Math.min(options.maxWordPhrase(), table.maxPhraseTokens());
        int maxLen = wordRun(plan, i, limit);
        for (int len = maxLen; len >= 1; len--) {
            SubstitutionTable.Entry e = table.word(TableKeys.join(java.util.Arrays.asList(plan.keys), plan.tokens,
                    i, i + len));
            if (e != null && applies(plan, e, i, len)) {
                int g = plan.newGroup(e.changeRate());
                if (usesReplacement(e) && !anyForced(plan, i, len)
                        && !plan.rejected(e.replacement())) {
                    plan.replace(i, i + len, e.replacement(), g);
                } else {
                    for (int k = i; k < i + len; k++) {
                        plan.delete(k, g);
                    }
                }
                return len;
            }
        }
        if (options.usePrefixes()) {
            SubstitutionTable.Entry p = table.prefixOf(plan.keys[i]);
            if (p != null && table.keep(plan.keys[i]) == null) {
                plan.delete(i, plan.newGroup(p.changeRate()));
                return 1;
            }
        }
        return 0;
    }

    private boolean applies(TokenPlan plan, SubstitutionTable.Entry e, int i, int len) {
        if (e.seen() >= options.strongMinSeen() && e.changeRate() >= options.strongMinRate()) {
            return true;
        }
        boolean inSpan = false;
        for (int k = i; k < i + len; k++) {
            inSpan |= plan.span[k] >= 0 || plan.forced[k];
        }
        return inSpan && e.changeRate() >= options.spanMinRate();
    }

    private boolean usesReplacement(SubstitutionTable.Entry e) {
        return !e.deletes() && e.chosen() >= options.replaceMinChosen()
                && e.chosen() >= options.replaceMinShare() * e.changed();
    }

    /**
     * Whether an attribution-only fallback may delete token {@code i}: not a word editors leave alone (a {@code keep}
     * entry) and not a {@link FunctionWords function word}. Chinese words are always deletable: a word that editors
     * usually keep (黑, 女) is the toxic half of many slurs the segmenter does not know (黑鬼, 女拳), and the classifier
     * scores Han text character by character.
     */
    boolean deletable(TokenPlan plan, int i, String lang) {
        String key = plan.keys[i];
        if (key == null || plan.tokens.get(i).kind() == Token.Kind.HAN) {
            return key != null;
        }
        return (table == null || table.keep(key) == null) && !FunctionWords.of(lang).contains(key);
    }

    private boolean keep(TokenPlan plan, int i) {
        return options.keepInSpans() && !plan.forced[i] && table != null && table.keep(plan.keys[i]) != null;
    }

    private static boolean anyForced(TokenPlan plan, int i, int len) {
        for (int k = i; k < i + len; k++) {
            if (plan.forced[k]) {
                return true;
            }
        }
        return false;
    }

    /** Length of the run of consecutive word-like tokens from {@code i}, at most {@code max}. */
    private static int wordRun(TokenPlan plan, int i, int max) {
        int len = 0;
        while (len < max && i + len < plan.size() && plan.wordLike(i + len) && !plan.protect[i + len]) {
            len++;
        }
        return len;
    }
}
