package io.detoxstreams.text;

import java.text.Normalizer;

/**
 * The text normalization shared by training and inference, with a map back to original offsets.
 *
 * <p>In order: HTML entities decoded; lone surrogates, zero-width/format and control characters removed; NFKC (only
 * when the text is not already NFKC); case folding; whitespace collapsed. Then per whitespace-separated token: URLs
 * become {@code url}, letters spaced by dots/dashes ({@code f.u.c.k}) and runs of three or more single-letter tokens
 * ({@code f u c k}) are joined (and split again into known words: {@code f u c k y o u → fuck you}), leet digits and symbols inside words are folded ({@code 1d10t → idiot}, {@code $hit},
 * {@code a$$}), masked letters are resolved against a {@link MaskDictionary} ({@code f*ck → fuck}), Cyrillic/Greek
 * look-alikes in mixed-script words are folded into the word's dominant script, and repeated characters are squeezed
 * ({@code stuuuupid → stupid}, {@code !!!!! → !!}).
 *
 * <p>Thread-safe and allocation-light; call {@link #normalize(String)} from any thread.
 */
public final class TextNormalizer {

    private final MaskDictionary masks;
    private final WordSegmenter segmenter;

    public TextNormalizer(MaskDictionary masks, WordSegmenter segmenter) {
        this.masks = masks;
        this.segmenter = segmenter;
    }

    public TextNormalizer(MaskDictionary masks) {
        this(masks, WordSegmenter.NONE);
    }

    /** A normalizer that neither resolves masked words nor re-segments spaced-out letters. */
    public static TextNormalizer withoutMasks() {
        return new TextNormalizer(MaskDictionary.EMPTY, WordSegmenter.NONE);
    }

    public NormalizedText normalize(String original) {
        return normalize(original, true);
    }

    /** @param plainWordShortcut copy plain words as they are (false: through every step, for tests of the shortcut) */
    NormalizedText normalize(String original, boolean plainWordShortcut) {
        Buffers buffers = BUFFERS.get();
        if (buffers.busy) {
            buffers = new Buffers(); // re-entered on this thread (a segmenter or mask dictionary that normalizes)
        }
        buffers.busy = true;
        try {
            OffsetBuffer folded = CharacterFolding.fold(original, buffers.folded.cleared());
            OffsetBuffer out = buffers.out.cleared();
            new TokenFolding(folded, out, masks, segmenter, plainWordShortcut, buffers.a.cleared(),
                    buffers.b.cleared()).run();
            return out.toNormalizedText(original);
        } finally {
            buffers.busy = false;
            buffers.shrinkAfterLongText();
        }
    }

    /**
     * Each thread's working buffers, reused from one text to the next: a normalization is on the path of every
     * classification (the moderator's, and the rewriter's re-score of each rewrite), and its twelve working arrays cost
     * more to allocate and clear than to fill. {@link NormalizedText} gets copies, so nothing of them escapes.
     */
    private static final class Buffers {
        /** Buffers grown past this many chars by a long comment are dropped after it. */
        static final int KEEP_CHARS = 16 * 1024;
        OffsetBuffer folded = new OffsetBuffer(256);
        OffsetBuffer out = new OffsetBuffer(256);
        OffsetBuffer a = new OffsetBuffer(32);
        OffsetBuffer b = new OffsetBuffer(32);
        boolean busy;

        void shrinkAfterLongText() {
            if (folded.chars.length > KEEP_CHARS || out.chars.length > KEEP_CHARS) {
                folded = new OffsetBuffer(256);
                out = new OffsetBuffer(256);
            }
            if (a.chars.length > KEEP_CHARS || b.chars.length > KEEP_CHARS) {
                a = new OffsetBuffer(32);
                b = new OffsetBuffer(32);
            }
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Pass 1: entities, invisible characters, NFKC, case folding, whitespace. */
    static final class CharacterFolding {

        private CharacterFolding() {
        }

        /** Folds {@code s} into {@code out} (empty) and returns it. */
        static OffsetBuffer fold(String s, OffsetBuffer out) {
            boolean nfkc = needsNfkc(s);
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '&') {
                    int consumed = HtmlEntities.decodeAt(s, i, out);
                    if (consumed > 0) {
                        i += consumed;
                        continue;
                    }
                }
                if (c < 0x80) {
                    appendAscii(out, c, i);
                    i++;
                    continue;
                }
                int cp = s.codePointAt(i);
                int cpLen = Character.charCount(cp);
                if (Character.isSurrogate(c) && cpLen == 1) {
                    i++; // lone surrogate: drop
                    continue;
                }
                int type = Character.getType(cp);
                if (type == Character.FORMAT || isVariationSelector(cp) || type == Character.CONTROL
                        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                    if (type == Character.CONTROL && Character.isWhitespace(cp)) {
                        appendSpace(out, i, i + cpLen);
                    }
                    i += cpLen;
                    continue;
                }
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    appendSpace(out, i, i + cpLen);
                    i += cpLen;
                    continue;
                }
                // A segment is a code point plus the combining marks that follow it.
                int end = i + cpLen;
                while (end < n) {
                    int next = s.codePointAt(end);
                    int t = Character.getType(next);
                    if (t != Character.NON_SPACING_MARK && t != Character.ENCLOSING_MARK
                            && t != Character.COMBINING_SPACING_MARK) {
                        break;
                    }
                    end += Character.charCount(next);
                }
                if (!nfkc && end == i + cpLen) {
                    appendCodePoint(out, Character.toLowerCase(cp), i, end);
                } else {
                    String seg = s.substring(i, end);
                    if (nfkc) {
                        seg = Normalizer.normalize(seg, Normalizer.Form.NFKC);
                    }
                    for (int k = 0; k < seg.length(); ) {
                        int scp = seg.codePointAt(k);
                        k += Character.charCount(scp);
                        if (Character.isWhitespace(scp) || Character.isSpaceChar(scp)) {
                            appendSpace(out, i, end);
                        } else if (Character.getType(scp) != Character.FORMAT) {
                            appendCodePoint(out, Character.toLowerCase(scp), i, end);
                        }
                    }
                }
                i = end;
            }
            out.trimTrailingSpace();
            return out;
        }

        private static boolean needsNfkc(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return !Normalizer.isNormalized(s, Normalizer.Form.NFKC);
                }
            }
            return false;
        }

        private static boolean isVariationSelector(int cp) {
            return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
        }

        private static void appendAscii(OffsetBuffer out, char c, int at) {
            if (c <= ' ' || c == 0x7f) {
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c) {
                    appendSpace(out, at, at + 1);
                }
                return;
            }
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c, at, at + 1);
        }

        static void appendSpace(OffsetBuffer out, int start, int end) {
            if (out.length > 0 && out.last() != ' ') {
                out.append(' ', start, end);
            }
        }

        static void appendCodePoint(OffsetBuffer out, int cp, int start, int end) {
            if (cp == 'ς') {
                cp = 'σ';
            }
            if (Character.isBmpCodePoint(cp)) {
                out.append((char) cp, start, end);
            } else {
                out.append(Character.highSurrogate(cp), start, end);
                out.append(Character.lowSurrogate(cp), start, end);
            }
        }
    }
}
