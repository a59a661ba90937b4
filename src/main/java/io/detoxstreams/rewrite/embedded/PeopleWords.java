package io.detoxstreams.rewrite.embedded;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-language neutral words for people and groups of people — what a comment is often about, and what a rewrite must
 * keep ("this woman is a greedy lunatic" → "this woman is greedy", never "this is a greedy"). Words are matched as
 * lower-case table keys; for inflected languages (ru, uk, de, es) a word also matches when it starts with one of the
 * stems (so "женщины", "женщинам", "мигрантов" match "женщин", "мигрант"). Slurs are not here: they are toxic and get
 * replaced or deleted. Hand-written, the project's own; the corpus-derived proper names of the fluency model
 * ({@code LanguageFluency.properNames()}) and capitalized words in mid-sentence add the names of people. Han
 * entries are Chinese words, matched as one token or across the two or three tokens the segmenter may split them
 * into ({@link #hanWords}).
 */
final class PeopleWords {

    /** Words, and stems grouped by their first character (a key is compared with the few sharing its first). */
    private record Lists(Set<String> words, Map<Character, List<String>> stems) {

        Lists(Set<String> words, List<String> stems) {
            this(words, stems.stream().distinct().collect(java.util.stream.Collectors.groupingBy(st -> st.charAt(0))));
        }
    }

    private static final Map<String, Lists> LISTS = Map.of(
            "en", new Lists(Set.of("woman", "women", "man", "men", "people", "person", "persons", "guy", "guys",
                    "girl", "girls", "boy", "boys", "kid", "kids", "child", "children", "lady", "ladies",
                    "gentleman", "gentlemen", "wife", "husband", "mother", "mom", "mum", "father", "dad", "son",
                    "daughter", "brother", "sister", "friend", "friends", "neighbor", "neighbour", "teacher",
                    "teachers", "police", "cop", "cops", "officer", "officers", "doctor", "doctors", "nurse",
                    "nurses", "president", "senator", "senators", "mayor", "governor", "minister", "judge",
                    "reporter", "reporters", "journalist", "journalists", "politician", "politicians", "author",
                    "editor", "editors", "admin", "admins", "moderator", "moderators", "user", "users", "player",
                    "players", "fans", "customer", "customers", "student", "students", "worker", "workers",
                    "muslim", "muslims", "islam", "christian", "christians", "jew", "jews", "jewish", "catholic",
                    "catholics", "hindu", "hindus", "buddhist", "atheist", "atheists", "black", "blacks", "white",
                    "whites", "asian", "asians", "african", "africans", "arab", "arabs", "latino", "latinos",
                    "hispanic", "hispanics", "mexican", "mexicans", "american", "americans", "russian", "russians",
                    "chinese", "indian", "indians", "european", "europeans", "british", "french", "german",
                    "germans", "immigrant", "immigrants", "migrant", "migrants", "refugee", "refugees",
                    "foreigner", "foreigners", "gay", "gays", "lesbian", "lesbians", "trans", "transgender",
                    "bisexual", "feminist", "feminists", "liberal", "liberals", "conservative", "conservatives",
                    "democrat", "democrats", "republican", "republicans", "leftist", "leftists", "socialist",
                    "socialists", "communist", "communists", "voters", "citizens", "government", "congress",
                    "disabled", "elderly", "veterans", "soldiers", "trump", "obama", "hillary", "clinton",
                    "biden", "bush", "putin", "sanders", "bernie"), List.of()),
            "ru", new Lists(Set.of("люди", "людей", "людям", "людьми", "мужик", "мужики", "народ", "народа",
                    "парень", "парни", "дети", "детей", "девушка", "девушки", "мама", "папа", "сын", "дочь", "брат",
                    "сестра", "друг", "друзья", "власть", "власти", "правительство", "путин", "путина", "путину",
                    "путиным", "навальный", "навального", "медведев", "медведева"),
                    List.of("женщин", "мужчин", "человек", "девушк", "ребён", "ребен", "мигрант", "беженц",
                            "иммигрант", "приезж", "мусульман", "христиан", "еврe", "евре", "русск", "украин",
                            "американ", "европ", "кавказ", "таджик", "узбек", "китай", "чиновник", "депутат",
                            "полицейск", "полици", "врач", "учител", "студент", "пенсионер", "президент",
                            "министр", "судь", "журналист", "блогер", "автор", "админ", "модератор", "соседк",
                            "сосед", "жен", "муж", "родител", "гей", "геи", "феминист", "либерал", "коммунист",
                            "патриот", "депутат", "губернатор", "мэр")),
            "uk", new Lists(Set.of("люди", "людей", "діти", "дітей", "народ", "влада", "уряд"),
                    List.of("жінк", "жінок", "чоловік", "чоловіц", "дівчин", "хлопц", "хлопець", "людин", "мігрант",
                            "біженц", "українц", "українськ", "російськ", "росіян", "євре", "вчител", "студент",
                            "лікар", "депутат", "президент", "міністр", "поліц", "сусід", "автор", "журналіст")),
            "de", new Lists(Set.of("leute", "menschen", "mensch", "volk", "kinder", "kind", "mann", "männer", "frau",
                    "frauen", "regierung", "politiker", "merkel", "scholz"),
                    List.of("flüchtling", "migrant", "ausländer", "muslim", "jude", "juden", "christ", "deutsch",
                            "türk", "araber", "lehrer", "polizist", "journalist", "minister", "präsident",
                            "nachbar", "kolleg", "frau", "männ", "mädchen", "junge", "schwul", "lesb",
                            "feminist", "wähler", "bürger")),
            "es", new Lists(Set.of("gente", "personas", "persona", "hombre", "hombres", "mujer", "mujeres", "niño",
                    "niños", "niña", "niñas", "chico", "chicos", "chica", "chicas", "gobierno", "pueblo"),
                    List.of("inmigrant", "migrant", "refugiad", "extranjer", "musulm", "judí", "judio", "cristian",
                            "español", "mexican", "latin", "african", "árabe", "arabe", "profesor", "maestr",
                            "policía", "policia", "médic", "medic", "periodist", "polític", "politic", "president",
                            "ministr", "vecin", "feminist", "gay", "lesbian")),
            "zh", new Lists(Set.of("女人", "男人", "女性", "男性", "人们", "孩子", "老师", "学生", "黑人", "白人",
                    "中国人", "外国人", "政府", "女生", "男生", "女孩", "男孩", "妇女", "妻子", "丈夫", "老公", "老婆",
                    "父母", "妈妈", "爸爸", "朋友", "网友", "穆斯林", "犹太人", "日本人", "美国人", "韩国人", "印度人",
                    "非洲人", "南方人", "北方人", "东北人", "同性恋", "男同性恋", "女同性恋"), List.of()),
            "hi", new Lists(Set.of("लोग", "लोगों", "आदमी", "औरत", "औरतें", "महिला", "महिलाएं", "महिलाओं", "पुरुष",
                    "बच्चे", "बच्चों", "लड़की", "लड़का", "लड़के", "सरकार", "नेता", "मुसलमान", "हिंदू", "ईसाई"),
                    List.of()));

    private PeopleWords() {
    }

    /** The multi-character entries of a language written without spaces (zh). */
    static Set<String> hanWords(String lang) {
        return "zh".equals(lang) ? LISTS.get("zh").words : Set.of();
    }

    /** Whether the lower-case key names people or a group in {@code lang}. */
    static boolean contains(String lang, String key) {
        Lists l = LISTS.get(lang);
        if (l == null || key == null) {
            return false;
        }
        if (l.words.contains(key)) {
            return true;
        }
        List<String> stems = key.isEmpty() ? null : l.stems.get(key.charAt(0));
        if (stems != null) {
            for (String stem : stems) {
                if (key.startsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }
}
