package io.detoxstreams.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts with gold toxic character spans ({@code toxicity/spans/<lang>.tsv}, SemEval-2021 Task 5 layout). Gold
 * offsets index code points (as Python strings do); they are converted here to UTF-16 offsets of the Java string.
 */
public final class SpanCorpus {

    /** A post and its gold spans as half-open UTF-16 {@code {start, end}} ranges. */
    public record Post(String text, List<int[]> spans, Split split) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpanCorpus() {
    }

    public static List<Post> read(Path file) {
        TsvTable t = TsvTable.read(file);
        int text = t.requireColumn("text");
        int offsets = t.requireColumn("char_offsets");
        List<Post> posts = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            String s = t.get(r, text);
            List<Integer> cps;
            try {
                cps = JSON.readValue(t.get(r, offsets), new TypeReference<>() { });
            } catch (Exception e) {
                throw new IllegalArgumentException(file + " row " + (r + 2) + ": bad char_offsets", e);
            }
            posts.add(new Post(s, toRanges(s, cps), Split.of(s)));
        }
        return posts;
    }

    /** Code-point offsets → merged UTF-16 ranges. */
    static List<int[]> toRanges(String s, List<Integer> codePoints) {
        int cpCount = s.codePointCount(0, s.length());
        List<int[]> out = new ArrayList<>();
        int[] cur = null;
        for (int cp : codePoints.stream().sorted().distinct().toList()) {
            if (cp < 0 || cp >= cpCount) {
                continue;
            }
            int start = s.offsetByCodePoints(0, cp);
            int end = start + Character.charCount(s.codePointAt(start));
            if (cur != null && cur[1] == start) {
                cur[1] = end;
            } else {
                cur = new int[] {start, end};
                out.add(cur);
            }
        }
        return out;
    }
}
