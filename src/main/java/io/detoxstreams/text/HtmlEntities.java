package io.detoxstreams.text;

/** Decodes the HTML entities that leak into scraped comments ({@code &amp;}, {@code &#128514;}, {@code &#x1F602;}). */
final class HtmlEntities {

    private static final String[] NAMES = {"amp", "lt", "gt", "quot", "apos", "nbsp", "#39"};
    private static final char[] VALUES = {'&', '<', '>', '"', '\'', ' ', '\''};

    private HtmlEntities() {
    }

    /**
     * If an entity starts at {@code s[i]} (which is {@code '&'}), appends its decoded, case-folded character(s) to
     * {@code out} with the entity's original range and returns the number of chars consumed; otherwise 0.
     */
    static int decodeAt(String s, int i, OffsetBuffer out) {
        int semi = s.indexOf(';', i + 1);
        if (semi < 0 || semi - i > 10) {
            return 0;
        }
        String body = s.substring(i + 1, semi);
        int cp = -1;
        for (int k = 0; k < NAMES.length; k++) {
            if (NAMES[k].equals(body)) {
                cp = VALUES[k];
                break;
            }
        }
        if (cp < 0 && body.length() > 1 && body.charAt(0) == '#') {
            try {
                cp = body.charAt(1) == 'x' || body.charAt(1) == 'X'
                        ? Integer.parseInt(body.substring(2), 16)
                        : Integer.parseInt(body.substring(1));
            } catch (NumberFormatException e) {
                return 0;
            }
            if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return 0;
            }
        }
        if (cp < 0) {
            return 0;
        }
        int end = semi + 1;
        if (cp == ' ' || Character.isWhitespace(cp)) {
            TextNormalizer.CharacterFolding.appendSpace(out, i, end);
        } else if (Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.CONTROL) {
            TextNormalizer.CharacterFolding.appendCodePoint(out, Character.toLowerCase(cp), i, end);
        }
        return end - i;
    }
}
