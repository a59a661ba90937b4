package io.detoxstreams.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link PipelineResult}: console table, JSON, and a Markdown summary with two PNG charts. */
public final class PipelineReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PipelineReport() {
    }

    /** The table of medians, the ratios, and the latency at half load. */
    public static String table(PipelineResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %-36s %10s %24s %10s %6s %6s%n", "variant", "", "records/s",
                "rounds (records/s)", "app µs/rec", "CPU", "parked"));
        for (Contender v : r.contenders()) {
            String rounds = String.join(" ", r.runs(v).stream().map(x -> String.format(Locale.ROOT, "%,.0f",
                    x.recordsPerSecond())).toList());
            sb.append(String.format(Locale.ROOT, "%-20s %-36s %,10.0f %24s %10.1f %5.0f%% %5.0f%%%n", v.name(),
                    v.variant().label(), r.medianRate(v), rounds, r.medianAppCpu(v), 100 * r.medianBusy(v),
                    100 * r.medianWaiting(v)));
        }
        r.contenders().stream().filter(Contender::tuned).forEach(c -> sb.append(String.format(Locale.ROOT,
                "  %s: %s%n", c.name(), c.overrides())));
        sb.append("  app µs/rec: CPU of the application's own threads per record; CPU / parked: share of the steady "
                + "state its stream thread was on a CPU / parked or blocked (the rest: runnable without a CPU, or in "
                + "network I/O)\n");
        sb.append(String.format(Locale.ROOT, "%nratios of the median rates (per-round range):%n"));
        for (Contender[] p : r.headlineRatios()) {
            double[] rr = r.roundRatios(p[0], p[1]);
            sb.append(String.format(Locale.ROOT, "  %-28s = %.3f  (%s)%n", ratioName(p), r.ratio(p[0], p[1]),
                    rr.length == 0 ? "-" : String.format(Locale.ROOT, "%.3f – %.3f", rr[0], rr[rr.length - 1])));
        }
        if (!r.latency().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nend-to-end latency at 50 %% of each variant's maximum (ms, "
                    + "created_at → readable with read_committed):%n"));
            sb.append(String.format(Locale.ROOT, "%-20s %10s %22s %22s%n", "variant", "records/s", "PASS p50/p95/p99",
                    "toxic p50/p95/p99"));
            for (PipelineResult.Latency l : r.latency()) {
                sb.append(String.format(Locale.ROOT, "%-20s %,10.0f %22s %22s%n", l.contender().name(), l.achievedRate(),
                        triple(l.byClass().get(LatencyReader.PASS)), triple(l.byClass().get(LatencyReader.TOXIC))));
            }
        }
        return sb.toString();
    }

    static String ratioName(Contender[] p) {
        return p[0].name() + " / " + p[1].name();
    }

    private static String triple(PipelineResult.Percentiles p) {
        return p == null ? "-" : p.p50() + " / " + p.p95() + " / " + p.p99();
    }

    public static void writeJson(PipelineResult r, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("settings", r.settings());
        root.put("corpus", r.corpus());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Contender v : r.contenders()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", v.label());
            s.put("median_records_per_second", r.medianRate(v));
            s.put("median_app_cpu_micros_per_record", r.medianAppCpu(v));
            s.put("median_stream_thread_busy", r.medianBusy(v));
            s.put("median_stream_thread_waiting", r.medianWaiting(v));
            summary.put(v.name(), s);
        }
        root.put("summary", summary);
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Contender[] p : r.headlineRatios()) {
            ratios.put(p[0].name() + "/" + p[1].name(), Map.of("ratio_of_medians", r.ratio(p[0], p[1]),
                    "per_round", r.roundRatios(p[0], p[1])));
        }
        root.put("ratios", ratios);
        root.put("runs", r.runs());
        root.put("latency", r.latency());
        createParent(file);
        JSON.writeValue(file.toFile(), root);
    }

    /** {@code summary.md}, {@code throughput.png} and (with latency runs) {@code latency.png} in {@code dir}. */
    public static void writeReport(PipelineResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        BitmapEncoder.saveBitmap(throughputChart(r), dir.resolve("throughput.png").toString(),
                BitmapEncoder.BitmapFormat.PNG);
        if (!r.latency().isEmpty()) {
            BitmapEncoder.saveBitmap(latencyChart(r), dir.resolve("latency.png").toString(),
                    BitmapEncoder.BitmapFormat.PNG);
        }
        Files.writeString(dir.resolve("summary.md"), markdown(r));
    }

    static String markdown(PipelineResult r) {
        StringBuilder sb = new StringBuilder("# bench pipeline\n\n");
        sb.append("Settings (equal for every variant):\n\n");
        r.settings().forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        sb.append("\nCorpus:\n\n");
        r.corpus().forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        sb.append("\n## Sustained throughput (steady state: 10 % → 90 % of the input committed)\n\n");
        sb.append("| variant | median records/s | per round | app CPU µs/record | stream thread on CPU | parked |\n");
        sb.append("|---|---:|---|---:|---:|---:|\n");
        for (Contender v : r.contenders()) {
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %.1f | %.0f %% | %.0f %% |%n", v.label(),
                    r.medianRate(v), String.join(" · ", r.runs(v).stream().map(x -> String.format(Locale.ROOT, "%,.0f",
                            x.recordsPerSecond())).toList()), r.medianAppCpu(v), 100 * r.medianBusy(v),
                    100 * r.medianWaiting(v)));
        }
        sb.append("\n| ratio | of the medians | per-round range |\n|---|---:|---|\n");
        for (Contender[] p : r.headlineRatios()) {
            double[] rr = r.roundRatios(p[0], p[1]);
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %s |%n", ratioName(p), r.ratio(p[0], p[1]),
                    rr.length == 0 ? "" : String.format(Locale.ROOT, "%.3f – %.3f", rr[0], rr[rr.length - 1])));
        }
        r.runs().stream().filter(x -> !x.check().isEmpty()).forEach(x -> sb.append("\nRound ").append(x.round())
                .append(", ").append(x.contender().name()).append(": ").append(x.check()).append('\n'));
        sb.append("\n![throughput](throughput.png)\n");
        if (!r.latency().isEmpty()) {
            sb.append("\n## End-to-end latency at 50 % of each variant's maximum (ms)\n\n");
            sb.append("| variant | records/s | PASS p50 | PASS p95 | PASS p99 | toxic p50 | toxic p95 | toxic p99 | "
                    + "read / sent |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (PipelineResult.Latency l : r.latency()) {
                PipelineResult.Percentiles p = l.byClass().get(LatencyReader.PASS);
                PipelineResult.Percentiles t = l.byClass().get(LatencyReader.TOXIC);
                sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %s | %s | %s | %s | %,d / %,d |%n",
                        l.contender().label(), l.achievedRate(), cell(p, 50), cell(p, 95), cell(p, 99), cell(t, 50),
                        cell(t, 95), cell(t, 99), l.received(), l.sent()));
            }
            sb.append("\n![latency](latency.png)\n");
        }
        return sb.toString();
    }

    private static String cell(PipelineResult.Percentiles p, int q) {
        if (p == null) {
            return "";
        }
        return String.valueOf(q == 50 ? p.p50() : q == 95 ? p.p95() : p.p99());
    }

    private static CategoryChart throughputChart(PipelineResult r) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(500)
                .title("Sustained records/s per variant (log scale; one bar per round)").yAxisTitle("records/s").build();
        c.getStyler().setYAxisLogarithmic(true);
        // A bar chart's axis starts at 0 unless told otherwise, which a logarithmic axis cannot show.
        double min = r.runs().stream().mapToDouble(PipelineResult.Run::recordsPerSecond).filter(d -> d > 0).min().orElse(1);
        c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        List<String> labels = r.contenders().stream().map(Contender::name).toList();
        int rounds = r.runs().stream().mapToInt(PipelineResult.Run::round).max().orElse(0);
        for (int round = 1; round <= rounds; round++) {
            int rd = round;
            List<Double> values = new ArrayList<>();
            for (Contender v : r.contenders()) {
                values.add(r.runs(v).stream().filter(x -> x.round() == rd).mapToDouble(
                        PipelineResult.Run::recordsPerSecond).findFirst().orElse(Double.NaN));
            }
            if (values.stream().allMatch(d -> d > 0)) {
                c.addSeries("round " + round, labels, values);
            }
        }
        return c;
    }

    private static CategoryChart latencyChart(PipelineResult r) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(500)
                .title("End-to-end latency of PASS comments at 50 % load (ms)").yAxisTitle("ms").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        List<PipelineResult.Latency> ls = r.latency().stream()
                .filter(l -> l.byClass().containsKey(LatencyReader.PASS)).toList();
        if (ls.isEmpty()) {
            return c;
        }
        List<String> labels = ls.stream().map(l -> l.contender().name()).toList();
        for (int q : new int[] {50, 95, 99}) {
            c.addSeries("p" + q, labels, Arrays.stream(ls.toArray(PipelineResult.Latency[]::new)).map(l -> {
                PipelineResult.Percentiles p = l.byClass().get(LatencyReader.PASS);
                return (Number) (q == 50 ? p.p50() : q == 95 ? p.p95() : p.p99());
            }).toList());
        }
        return c;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
