package io.detoxstreams.language;

/** Letters that only Ukrainian (і ї є ґ) or only Russian (ы э ъ ё) use; decides between the two when one set shows. */
final class CyrillicLetters {

    private CyrillicLetters() {
    }

    /** {@code "uk"}, {@code "ru"}, or null when both or neither kind of letter occurs. */
    static String decide(String text) {
        int uk = 0;
        int ru = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (Character.toLowerCase(text.charAt(i))) {
                case 'і', 'ї', 'є', 'ґ' -> uk++;
                case 'ы', 'э', 'ъ', 'ё' -> ru++;
                default -> { }
            }
        }
        if (uk > 0 && ru == 0) {
            return "uk";
        }
        if (ru > 0 && uk == 0) {
            return "ru";
        }
        return null;
    }
}
