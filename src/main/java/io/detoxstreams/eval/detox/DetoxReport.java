package io.detoxstreams.eval.detox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code eval detox} found: per language the {@link SystemScores} of each system, the macro average over
 * languages, and the hold rates on non-detoxifiable sentences. {@link #toJson} gives the report's JSON tree (plain
 * maps and lists, snake_case keys); {@link #table()} a fixed-width text table.
 */
public record DetoxReport(Map<String, LanguageResult> languages, Map<String, HoldResult> cannotRewrite) {

    /** One language: rows evaluated, the systems' scores, and why the detoxifier held rows. */
    public record LanguageResult(int rows, List<SystemScores> systems, Map<String, Integer> holdReasons) {

        public SystemScores system(String name) {
            return systems.stream().filter(s -> s.system().equals(name)).findFirst().orElseThrow();
        }
    }

    /** Hold rate on a non-detoxifiable file, overall and per annotator reason. */
    public record HoldResult(int rows, double holdRate, Map<String, Double> holdRateByReason,
                             Map<String, Integer> actions, Map<String, Integer> holdReasons) {
    }

    /** Macro average over languages of a metric of one system (languages where it is NaN are left out). */
    public double average(String system, java.util.function.ToDoubleFunction<SystemScores> metric) {
        return languages.values().stream().mapToDouble(l -> metric.applyAsDouble(l.system(system)))
                .filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    public Map<String, Object> toJson(Map<String, Object> header) {
        Map<String, Object> root = new LinkedHashMap<>(header);
        Map<String, Object> langs = new LinkedHashMap<>();
        languages.forEach((lang, r) -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("rows", r.rows());
            Map<String, Object> systems = new LinkedHashMap<>();
            r.systems().forEach(s -> systems.put(s.system(), scores(s)));
            l.put("systems", systems);
            l.put("hold_reasons", r.holdReasons());
            langs.put(lang, l);
        });
        root.put("languages", langs);
        Map<String, Object> avg = new LinkedHashMap<>();
        for (String system : SYSTEMS) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("j", average(system, SystemScores::j));
            a.put("j_published", average(system, SystemScores::jPublished));
            a.put("sta", average(system, SystemScores::sta));
            a.put("sim", average(system, SystemScores::sim));
            a.put("chrf", average(system, SystemScores::chrf));
            a.put("hold_rate", average(system, SystemScores::holdRate));
            a.put("fluent", average(system, SystemScores::fluent));
            a.put("dangling", average(system, SystemScores::dangling));
            avg.put(system, a);
        }
        root.put("macro_average", avg);
        double jDelete = average(DetoxEvaluator.DELETE, SystemScores::j);
        root.put("j_embedded_over_delete", average(DetoxEvaluator.EMBEDDED, SystemScores::j) / jDelete);
        root.put("j_human_over_delete", average(DetoxEvaluator.HUMAN, SystemScores::j) / jDelete);
        Map<String, Object> cannot = new LinkedHashMap<>();
        cannotRewrite.forEach((lang, h) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("rows", h.rows());
            c.put("hold_rate", h.holdRate());
            c.put("hold_rate_by_reason", h.holdRateByReason());
            c.put("actions", h.actions());
            c.put("hold_reasons", h.holdReasons());
            cannot.put(lang, c);
        });
        root.put("cannot_rewrite", cannot);
        return root;
    }

    private static Map<String, Object> scores(SystemScores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("j", s.j());
        m.put("j_published", s.jPublished());
        m.put("sta", s.sta());
        m.put("sim", s.sim());
        m.put("chrf", s.chrf());
        m.put("hold_rate", s.holdRate());
        m.put("sta_rewrites", s.staRewrites());
        m.put("held", s.held());
        m.put("passed", s.passed());
        m.put("changed", s.changed());
        m.put("fluent", s.fluent());
        m.put("dangling", s.dangling());
        return m;
    }

    /**
     * The systems in report order; {@link DetoxEvaluator#REFERENCE} (every reference) has STA, SIM and the fluency
     * columns only, {@link DetoxEvaluator#HUMAN} (the best reference of each pair, ChrF = 1) all of them.
     */
    static final List<String> SYSTEMS = List.of(DetoxEvaluator.DUPLICATE, DetoxEvaluator.DELETE,
            DetoxEvaluator.EMBEDDED, DetoxEvaluator.REFERENCE, DetoxEvaluator.HUMAN);

    public String table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-4s %-9s %5s %6s %6s %6s %6s %6s %6s %6s %6s", "lang", "system", "rows",
                "J", "STA", "SIM", "ChrF", "HOLD", "J(pub)", "Flu", "Dang"));
        languages.forEach((lang, r) -> r.systems().forEach(s -> lines.add(row(lang, s.system(),
                s.system().equals(DetoxEvaluator.REFERENCE) ? s.rows() : r.rows(), s.j(), s.sta(), s.sim(), s.chrf(),
                s.holdRate(), s.jPublished(), s.fluent(), s.dangling()))));
        for (String system : SYSTEMS) {
            lines.add(row("avg", system, languages.values().stream().mapToInt(l -> l.system(system).rows()).sum(),
                    average(system, SystemScores::j), average(system, SystemScores::sta),
                    average(system, SystemScores::sim), average(system, SystemScores::chrf),
                    average(system, SystemScores::holdRate), average(system, SystemScores::jPublished),
                    average(system, SystemScores::fluent), average(system, SystemScores::dangling)));
        }
        double jDelete = average(DetoxEvaluator.DELETE, SystemScores::j);
        lines.add(String.format(Locale.ROOT, "J / Delete (macro): embedded %.3f, human %.3f",
                average(DetoxEvaluator.EMBEDDED, SystemScores::j) / jDelete,
                average(DetoxEvaluator.HUMAN, SystemScores::j) / jDelete));
        cannotRewrite.forEach((lang, h) -> lines.add(String.format(Locale.ROOT,
                "cannot_rewrite/%s: %d rows, HOLD %.3f, by reason %s, actions %s", lang, h.rows(), h.holdRate(),
                h.holdRateByReason(), h.actions())));
        return String.join("\n", lines);
    }

    private static String row(String lang, String system, int rows, double j, double sta, double sim, double chrf,
                              double hold, double jPub, double fluent, double dangling) {
        return String.format(Locale.ROOT, "%-4s %-9s %5d %s %s %s %s %s %s %s %s", lang, system, rows, cell(j),
                cell(sta), cell(sim), cell(chrf), cell(hold), cell(jPub), cell(fluent), cell(dangling));
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "     -" : String.format(Locale.ROOT, "%6.3f", v);
    }
}
