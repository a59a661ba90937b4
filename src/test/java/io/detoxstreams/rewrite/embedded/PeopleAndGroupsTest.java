package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.rewrite.Action;
import io.detoxstreams.rewrite.ModerationDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Toxic comments about a named person or a group, written for this test: whenever the shipped detoxifier publishes a
 * rewrite, the person or group is still in it (issue 10: "never delete a named person, a group word"; when only that
 * would detoxify, the comment is held as {@code meaning_lost}). Each case is {sentence, the word (or stem, lower-case)
 * that must survive}. The test also requires that most toxic cases are rewritten, so it cannot pass by holding all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleAndGroupsTest {

    static final List<String[]> EN = List.of(
            c("Trump is a fucking idiot.", "trump"), c("Obama is a lying piece of shit.", "obama"),
            c("Hillary Clinton is a corrupt bitch.", "clinton"), c("Biden is a senile moron.", "biden"),
            c("Angela Merkel is a stupid cow.", "merkel"), c("Putin is a murderous asshole.", "putin"),
            c("Elon Musk is a fucking clown.", "musk"), c("Boris Johnson is a useless twat.", "johnson"),
            c("I think Macron is an arrogant prick.", "macron"), c("Justin Trudeau is a spineless idiot.", "trudeau"),
            c("that reporter is a lying scumbag.", "reporter"), c("this woman is a greedy lunatic.", "woman"),
            c("these women are stupid whores.", "women"), c("muslims are disgusting animals.", "muslims"),
            c("the refugees are filthy parasites.", "refugees"), c("immigrants are fucking criminals.", "immigrants"),
            c("liberals are retarded snowflakes.", "liberals"), c("conservatives are brainless morons.", "conservatives"),
            c("democrats are a bunch of idiots.", "democrats"), c("republicans are fucking hypocrites.", "republicans"),
            c("feminists are ugly bitches.", "feminists"), c("the police are corrupt pigs.", "police"),
            c("politicians are lying bastards.", "politicians"), c("teachers are lazy fucking idiots.", "teachers"),
            c("christians are brainwashed morons.", "christians"), c("mexicans are dirty rapists.", "mexicans"),
            c("americans are fat fucking idiots.", "americans"), c("the admins here are power hungry assholes.", "admins"),
            c("my friend John is a fucking moron.", "john"), c("my neighbor is a crazy bitch.", "neighbor"),
            c("the president is a complete idiot.", "president"), c("that senator is a corrupt piece of shit.", "senator"),
            c("the mayor is a fucking clown.", "mayor"), c("those journalists are lying scum.", "journalists"),
            c("the students are spoiled little shits.", "students"), c("Sarah Palin is a dumb bitch.", "palin"),
            c("Bernie Sanders is a crazy old fool.", "sanders"), c("Mike Pence is a spineless coward.", "pence"),
            c("I swear Kanye West is a fucking idiot.", "west"), c("the editors of this page are idiots.", "editors"),
            c("the moderators are fucking clowns.", "moderators"), c("Greta Thunberg is an annoying brat.", "thunberg"),
            c("trump supporters are stupid rednecks.", "trump"), c("obama voters are brainless sheep.", "obama"),
            c("Mark Zuckerberg is a creepy fucking lizard.", "zuckerberg"),
            c("the guy at the counter was a rude asshole.", "guy"), c("the kids in this school are little shits.", "kids"),
            c("Nancy Pelosi is a senile old hag.", "pelosi"), c("my wife is a stupid bitch sometimes.", "wife"),
            c("the doctors at that hospital are fucking incompetent.", "doctors"),
            c("hey Dave, you are a fucking moron.", "dave"), c("that cop was a total asshole to me.", "cop"),
            c("the voters in this state are fucking idiots.", "voters"), c("Hitler was an evil bastard.", "hitler"),
            c("the people running this site are morons.", "people"));

    static final List<String[]> RU = List.of(
            c("Путин — вор и мразь.", "путин"), c("Навальный продажная тварь.", "навальн"),
            c("Медведев конченый алкаш.", "медведев"), c("Шойгу тупой урод.", "шойгу"),
            c("Жириновский старый идиот.", "жириновск"), c("эти тупые женщины ничего не понимают", "женщин"),
            c("мигранты вонючие уроды", "мигрант"), c("все чиновники воры и сволочи", "чиновник"),
            c("депутаты жирные свиньи", "депутат"), c("полицейские продажные твари", "полицейск"),
            c("журналисты лживые мрази", "журналист"), c("украинцы тупые дебилы", "украин"),
            c("американцы жирные идиоты", "американ"), c("эти студенты ленивые придурки", "студент"),
            c("мой сосед конченый мудак", "сосед"), c("наш учитель тупой козёл", "учител"),
            c("эти люди просто дебилы", "люди"), c("пенсионеры старые маразматики", "пенсионер"),
            c("врачи в этой больнице безмозглые уроды", "врач"), c("наши депутаты совсем охренели, сволочи", "депутат"),
            c("этот президент полный идиот", "президент"), c("министр финансов тупая скотина", "министр"),
            c("админы тут долбоёбы", "админ"), c("модераторы этого паблика идиоты", "модератор"),
            c("автор этой статьи дебил", "автор"), c("мужики все козлы", "мужик"),
            c("девушки сейчас тупые шлюхи", "девушк"), c("дети в этой школе мелкие ублюдки", "дети"),
            c("мусульмане грязные дикари", "мусульман"), c("феминистки страшные дуры", "феминист"),
            c("либералы тупые предатели", "либерал"), c("коммунисты проклятые ублюдки", "коммунист"),
            c("Зеленский клоун и наркоман", "зеленск"), c("Трамп тупой идиот", "трамп"),
            c("Байден старый маразматик", "байден"), c("Собянин вор и сволочь", "собянин"),
            c("наш Ваня полный дебил", "ваня"), c("мой начальник тупой урод", "начальник"),
            c("эта продавщица хамка и дура", "продавщиц"), c("наш губернатор вор и сволочь", "губернатор"),
            c("водители маршруток тупые бараны", "водител"), c("чиновники опять украли деньги, мрази", "чиновник"),
            c("таджики понаехали, уроды", "таджик"), c("кавказцы наглые твари", "кавказ"),
            c("судьи продажные твари", "судь"), c("этот блогер тупой хайпожор", "блогер"),
            c("Киркоров старый урод", "киркоров"), c("Моргенштерн тупое чмо", "моргенштерн"),
            c("наша соседка старая дура", "соседк"), c("эти родители тупые идиоты", "родител"),
            c("учителя в школе злобные дуры", "учител"), c("Лукашенко усатый таракан и вор", "лукашенко"));

    private static String[] c(String text, String word) {
        return new String[] {text, word};
    }

    private ShippedDetoxifier shipped;

    @BeforeAll
    void load() {
        shipped = new ShippedDetoxifier();
    }

    @AfterAll
    void close() {
        shipped.close();
    }

    @Test
    void shouldHaveAtLeastFiftyCasesPerLanguage() {
        assertThat(EN).hasSizeGreaterThanOrEqualTo(50);
        assertThat(RU).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void shouldKeepThePersonOrGroupInEveryEnglishRewrite() {
        check("en", EN);
    }

    @Test
    void shouldKeepThePersonOrGroupInEveryRussianRewrite() {
        check("ru", RU);
    }

    /** Deleting a negation turns the meaning around ("nadie te ha preguntado" → "te ha preguntado"). */
    @Test
    void shouldKeepTheNegationInEveryRewrite() {
        String[][] cases = {{"es", "Cállate, imbécil, nadie te ha preguntado.", "nadie"},
                {"ru", "не пиздеть - это удел депутатов и министров", "не"},
                {"de", "#Kinderfickerpartei hat im Bundestag nichts verloren", "nichts"},
                {"en", "nobody wants to read your garbage , idiot .", "nobody"}};
        int rewritten = 0;
        for (String[] c : cases) {
            ModerationDecision d = shipped.decide(c[1], c[0]);
            System.out.printf("%s %-7s %s -> %s%n", c[0], d.action(), c[1],
                    d.action() == Action.HOLD ? d.reason().code() : d.text());
            if (d.action() == Action.REWRITE) {
                rewritten++;
                assertThat(d.text().toLowerCase(Locale.ROOT)).as(c[1]).containsPattern("(^|\\P{L})" + c[2] + "(\\P{L}|$)");
            }
        }
        assertThat(rewritten).as("cases rewritten").isGreaterThanOrEqualTo(2);
    }

    private void check(String lang, List<String[]> cases) {
        int toxic = 0;
        int rewritten = 0;
        List<String> lost = new ArrayList<>();
        for (String[] c : cases) {
            if (!shipped.classify(c[0], lang).toxic()) {
                continue;
            }
            toxic++;
            ModerationDecision d = shipped.decide(c[0], lang);
            System.out.printf("%s %-7s %s -> %s%n", lang, d.action(), c[0],
                    d.action() == Action.HOLD ? d.reason().code() : d.text());
            if (d.action() == Action.REWRITE) {
                rewritten++;
                if (!d.text().toLowerCase(Locale.ROOT).contains(c[1])) {
                    lost.add(c[0] + " -> " + d.text());
                }
            }
        }
        assertThat(lost).as("rewrites that lost the person or group").isEmpty();
        assertThat(toxic).as("cases the classifier finds toxic").isGreaterThanOrEqualTo(cases.size() * 3 / 4);
        assertThat(rewritten).as("of %d toxic cases rewritten", toxic).isGreaterThanOrEqualTo(toxic * 3 / 5);
    }
}
