package io.detoxstreams.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.detoxstreams.scoring.BinaryMetrics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link ClassificationReport} as a console table, JSON, Markdown and a per-language bar chart (PNG). */
public final class ClassificationReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClassificationReportWriter() {
    }

    public static String table(ClassificationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "model %s, split %s%n", r.model(), r.split()));
        sb.append(String.format(Locale.ROOT, "at the operating point (rewrite threshold); flagged = clean rows not "
                + "passed (score or threat/self-harm); band = the same metrics at the review threshold%n"));
        sb.append(String.format(Locale.ROOT, "%-11s %-5s %-5s %6s %5s %6s %6s %6s %8s %6s %7s %7s %13s%s%n", "suite",
                "lang", "rows", "n", "pos", "prec", "recall", "F1", "macroF1", "AUC", "flagged", "threats",
                "band rec/mF1", r.baseline().isEmpty() ? "" : "  baseline macroF1/AUC"));
        Map<String, LanguageScore> base = new LinkedHashMap<>();
        r.baseline().forEach(b -> base.put(b.lang(), b));
        for (List<LanguageScore> list : List.of(r.toxicity(), r.functional())) {
            for (LanguageScore s : list) {
                BinaryMetrics m = s.metrics();
                LanguageScore b = s.suite().equals("toxicity") ? base.get(s.lang()) : null;
                sb.append(String.format(Locale.ROOT, "%-11s %-5s %-5s %6d %5d %6.3f %6.3f %6.3f %8.3f %6.3f %7s %7s %13s%s%n",
                        s.suite(), s.lang(), s.rows(), m.n(), m.positives(), m.precision(), m.recall(), m.f1(),
                        m.macroF1(), m.rocAuc(), share(s.flaggedClean()), s.threatCases() == 0 ? "-"
                                : share(s.threatRecall()),
                        s.atReview() == null ? "-" : String.format(Locale.ROOT, "%.3f/%.3f", s.atReview().recall(),
                                s.atReview().macroF1()),
                        b == null ? "" : String.format(Locale.ROOT, "  %.3f / %.3f", b.metrics().macroF1(),
                                b.metrics().rocAuc())));
            }
        }
        sb.append(String.format(Locale.ROOT, "toxicity: mean macro-F1 %.3f (min %.3f), mean ROC-AUC %.3f, mean flagged "
                + "clean %.3f (max %.3f)%n", r.meanMacroF1(), r.minMacroF1(), r.meanRocAuc(), r.meanFlaggedClean(),
                r.maxFlaggedClean()));
        if (!r.baseline().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "baseline (per-language char n-gram LR trained in this run on each file's train split, scored on its test rows): mean macro-F1 "
                    + "%.3f, mean ROC-AUC %.3f%n", r.baselineMeanMacroF1(), r.baselineMeanRocAuc()));
        }
        if (!r.functional().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "functional (HateCheck): mean accuracy %.3f, threats held %.3f "
                    + "(lowest %.3f)%n", r.meanFunctionalAccuracy(), r.meanThreatRecall(), r.minThreatRecall()));
        }
        r.spanF1().forEach((lang, f1) -> sb.append(String.format(Locale.ROOT, "spans %s: span F1 %.3f%n", lang, f1)));
        sb.append(categoryTable(r));
        return sb.toString();
    }

    /** Per-category precision/recall/F1 (category score >= 0.5) where a file labels the category. */
    static String categoryTable(ClassificationReport r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "categories (score >= 0.5 against the rows "
                + "labelled for them):%n%-11s %-5s %-16s %6s %5s %6s %6s %6s%n", "suite", "lang", "category", "n",
                "pos", "prec", "recall", "F1"));
        for (List<LanguageScore> list : List.of(r.toxicity(), r.functional())) {
            for (LanguageScore s : list) {
                s.categories().forEach((c, m) -> sb.append(String.format(Locale.ROOT,
                        "%-11s %-5s %-16s %6d %5d %6.3f %6.3f %6.3f%n", s.suite(), s.lang(), c, m.n(), m.positives(),
                        m.precision(), m.recall(), m.f1())));
            }
        }
        return sb.toString();
    }

    private static String share(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    public static void writeJson(ClassificationReport r, Path file) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mean_macro_f1", r.meanMacroF1());
        summary.put("min_macro_f1", r.minMacroF1());
        summary.put("mean_roc_auc", r.meanRocAuc());
        summary.put("mean_functional_accuracy", r.meanFunctionalAccuracy());
        summary.put("mean_flagged_clean", r.meanFlaggedClean());
        summary.put("max_flagged_clean", r.maxFlaggedClean());
        summary.put("mean_threat_recall", r.meanThreatRecall());
        summary.put("min_threat_recall", r.minThreatRecall());
        if (!r.baseline().isEmpty()) {
            summary.put("baseline_mean_macro_f1", r.baselineMeanMacroF1());
            summary.put("baseline_mean_roc_auc", r.baselineMeanRocAuc());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", r.model());
        root.put("split", r.split());
        root.put("summary", summary);
        root.put("toxicity", r.toxicity());
        root.put("functional", r.functional());
        root.put("span_f1", r.spanF1());
        root.put("baseline", r.baseline());
        createParent(file);
        JSON.writeValue(file.toFile(), root);
    }

    /** Writes {@code report.md} and {@code classification.png} into {@code dir}. */
    public static void writeReport(ClassificationReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve("classification.png");
        chart(r).forEach((name, chart) -> {
            try {
                BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        StringBuilder md = new StringBuilder();
        md.append("# Toxicity classification report\n\n");
        md.append("Model `").append(r.model()).append("`, split `").append(r.split()).append("`.\n\n");
        md.append(String.format(Locale.ROOT, "- Natural comments: mean macro-F1 **%.3f** (lowest %.3f), mean ROC-AUC "
                + "**%.3f** over %d languages%n", r.meanMacroF1(), r.minMacroF1(), r.meanRocAuc(), r.toxicity().size()));
        if (!r.baseline().isEmpty()) {
            md.append(String.format(Locale.ROOT, "- Baseline in the same run (per-language char n-gram logistic "
                    + "regression): mean macro-F1 %.3f, mean ROC-AUC %.3f%n", r.baselineMeanMacroF1(),
                    r.baselineMeanRocAuc()));
        }
        if (!r.functional().isEmpty()) {
            md.append(String.format(Locale.ROOT, "- HateCheck functional tests: mean accuracy **%.3f** over %d "
                    + "languages%n", r.meanFunctionalAccuracy(), r.functional().size()));
        }
        r.spanF1().forEach((lang, f1) -> md.append(String.format(Locale.ROOT, "- Toxic spans (%s): span F1 **%.3f**%n",
                lang, f1)));
        md.append("\n![per-language scores](").append(png.getFileName()).append(")\n\n");
        md.append("| suite | lang | rows | n | toxic | precision | recall | F1 | macro-F1 | ROC-AUC | accuracy | flagged clean | threats held |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (List<LanguageScore> list : List.of(r.toxicity(), r.functional())) {
            for (LanguageScore s : list) {
                BinaryMetrics m = s.metrics();
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %s |%n",
                        s.suite(), s.lang(), s.rows(), m.n(), m.positives(), m.precision(), m.recall(), m.f1(), m.macroF1(),
                        m.rocAuc(), m.accuracy(), share(s.flaggedClean()), s.threatCases() == 0 ? "–" : share(s.threatRecall())));
            }
        }
        md.append("\n| suite | lang | category | n | positives | precision | recall | F1 |\n|---|---|---|---:|---:|---:|---:|---:|\n");
        for (List<LanguageScore> list : List.of(r.toxicity(), r.functional())) {
            for (LanguageScore s : list) {
                s.categories().forEach((c, m) -> md.append(String.format(Locale.ROOT,
                        "| %s | %s | %s | %d | %d | %.3f | %.3f | %.3f |%n", s.suite(), s.lang(), c, m.n(), m.positives(),
                        m.precision(), m.recall(), m.f1())));
            }
        }
        Files.writeString(dir.resolve("report.md"), md.toString());
    }

    private static Map<String, CategoryChart> chart(ClassificationReport r) {
        CategoryChart c = new CategoryChartBuilder().width(1000).height(480)
                .title("Toxicity classification by language (" + r.split() + " split)").xAxisTitle("language")
                .yAxisTitle("score").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setAvailableSpaceFill(0.8);
        List<String> langs = new ArrayList<>();
        List<Double> macro = new ArrayList<>();
        List<Double> auc = new ArrayList<>();
        for (LanguageScore s : r.toxicity()) {
            langs.add(s.lang());
            macro.add(s.metrics().macroF1());
            auc.add(Double.isNaN(s.metrics().rocAuc()) ? 0 : s.metrics().rocAuc());
        }
        List<Double> hc = new ArrayList<>();
        for (String l : langs) {
            hc.add(r.functional().stream().filter(f -> f.lang().equals(l)).mapToDouble(f -> f.metrics().accuracy())
                    .findFirst().orElse(0));
        }
        for (LanguageScore f : r.functional()) {
            if (!langs.contains(f.lang())) {
                langs.add(f.lang());
                macro.add(0.0);
                auc.add(0.0);
                hc.add(f.metrics().accuracy());
            }
        }
        c.addSeries("macro-F1 (natural)", langs, macro);
        c.addSeries("ROC-AUC (natural)", langs, auc);
        c.addSeries("HateCheck accuracy", langs, hc);
        if (!r.baseline().isEmpty()) {
            List<Double> base = new ArrayList<>();
            for (String l : langs) {
                base.add(r.baseline().stream().filter(b -> b.lang().equals(l)).mapToDouble(b -> b.metrics().macroF1())
                        .findFirst().orElse(0));
            }
            c.addSeries("baseline macro-F1", langs, base);
        }
        return Map.of("classification.png", c);
    }

    private static void createParent(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
    }
}
