package io.detoxstreams.fluency;

/**
 * A {@link LanguageModel}'s judgement of one text.
 *
 * @param tokens   predicted tokens: every {@link LmTokens} token plus the end of the sentence
 * @param log10    log10 probability of the whole text (unseen words spelled by the character model)
 * @param perToken the fluency score: SLOR per token (Lau, Clark &amp; Lappin 2017) — log10 P(text) minus the log10 of
 *                 its tokens' plain frequencies, divided by {@code tokens}; it does not reward short or common-word
 *                 texts, only likely word order, and a hole ("this is a greedy .") costs at its edges
 * @param worst    the lowest single-token term of that sum (where the text reads worst)
 * @param worstAt  index into the {@link LmTokens} of the worst term ({@code tokens - 1} = the end of the sentence)
 */
public record FluencyScore(int tokens, double log10, double perToken, double worst, int worstAt) {
}
