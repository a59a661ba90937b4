package io.detoxstreams.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package graph of the main sources has no cycle through the rewriting stage (DESIGN review: "the leaf knows
 * nothing of the stage above it"). A package depends on another when one of its files names a class of it, in an
 * import or fully qualified in the code. Cycles elsewhere are printed, not failed, until they are broken too.
 */
class PackageCyclesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([a-z0-9_.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.detoxstreams(?:\\.[a-z0-9_]+)*)\\.[A-Z]");
    private static final Set<String> ACYCLIC = Set.of("io.detoxstreams.explain", "io.detoxstreams.rewrite",
            "io.detoxstreams.rewrite.embedded", "io.detoxstreams.rewrite.policy", "io.detoxstreams.text");

    @Test
    void shouldKeepTheRewritePackagesOutOfEveryCycle() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertThat(graph).containsKeys("io.detoxstreams.rewrite", "io.detoxstreams.explain");
        List<Set<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        cycles.forEach(c -> System.out.println("package cycle: " + c));
        assertThat(cycles).noneMatch(c -> c.stream().anyMatch(ACYCLIC::contains));
    }

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(MAIN)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : files) {
            String src = Files.readString(f);
            Matcher p = PACKAGE.matcher(src);
            if (!p.find()) {
                continue;
            }
            String from = p.group(1);
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher r = REFERENCE.matcher(src.substring(p.end()));
            while (r.find()) {
                if (!r.group(1).equals(from) && !r.group(1).startsWith("io.detoxstreams.avro")) {
                    to.add(r.group(1));
                }
            }
        }
        return graph;
    }

    /** Tarjan's strongly connected components. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                visit(v, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
