package io.detoxstreams.eval;

import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.train.CorpusReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Language-identification accuracy per language on the held-out rows of a data directory (every labelled file's
 * language is its file name), with the share of each decision path ({@code script}, {@code fast}, {@code lingua},
 * {@code und}) and the mean time per call.
 */
public final class LanguageIdEvaluation {

    /** Per-language outcome. */
    public record Row(String lang, int n, double accuracy, double undetermined, Map<String, Integer> methods) {
    }

    private LanguageIdEvaluation() {
    }

    public static Map<String, Object> run(LanguageDetector detector, Path dir, String split) {
        Map<String, List<String>> texts = new TreeMap<>();
        List<Path> files = new ArrayList<>(CorpusReader.tsvFiles(dir.resolve("toxicity")));
        files.addAll(CorpusReader.tsvFiles(dir.resolve("toxicity/functional")));
        for (Path f : files) {
            TsvTable t = TsvTable.read(f);
            int col = t.requireColumn("text");
            List<String> list = texts.computeIfAbsent(CorpusReader.lang(f), k -> new ArrayList<>());
            for (int r = 0; r < t.size(); r++) {
                String s = t.get(r, col);
                if (split.equals("all") || Split.of(s).name().equalsIgnoreCase(split)) {
                    list.add(s);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        long nanos = 0;
        long calls = 0;
        for (Map.Entry<String, List<String>> e : texts.entrySet()) {
            int ok = 0;
            int und = 0;
            Map<String, Integer> methods = new TreeMap<>();
            for (String s : e.getValue()) {
                long t0 = System.nanoTime();
                LanguageGuess g = detector.detect(s, null);
                nanos += System.nanoTime() - t0;
                calls++;
                methods.merge(g.method(), 1, Integer::sum);
                if (g.lang().equals(e.getKey())) {
                    ok++;
                } else if (!g.isDetermined()) {
                    und++;
                }
            }
            int n = e.getValue().size();
            rows.add(new Row(e.getKey(), n, n == 0 ? Double.NaN : ok / (double) n, n == 0 ? 0 : und / (double) n,
                    methods));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("mean_accuracy", rows.stream().mapToDouble(Row::accuracy).average().orElse(Double.NaN));
        out.put("micros_per_call", calls == 0 ? 0 : nanos / 1e3 / calls);
        return out;
    }
}
