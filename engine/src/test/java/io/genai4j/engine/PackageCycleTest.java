package io.genai4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's package graph (imports and inline qualified names, comments left out) has one cycle,
 * on purpose: the tensor core. {@code Tensor}'s methods are the ops of {@code engine.ops}, ops record
 * {@code engine.autograd} nodes that hold tensors, and matmul of a quantized weight dispatches on its
 * {@code DType} to {@code engine.quant}, whose weight matrices know their dtype and storage. Every other
 * package must stay out of it (io, kernels, nn, optim, ...), and {@code engine.util} is a leaf.
 */
class PackageCycleTest {
    static final Set<String> CORE = Set.of("io.genai4j.engine", "io.genai4j.engine.autograd", "io.genai4j.engine.ops", "io.genai4j.engine.quant");

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])(io\\.genai4j\\.engine(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    void theOnlyCycleIsTheTensorCore() throws IOException {
        Map<String, Set<String>> graph = packageGraph(Path.of("src/main/java"));
        assertTrue(graph.containsKey("io.genai4j.engine.kernels"), "the scan must find the engine's sources, found " + graph.keySet());
        List<Set<String>> cycles = new ArrayList<>();
        for (Set<String> c : stronglyConnected(graph)) if (c.size() > 1) cycles.add(c);
        assertEquals(List.of(new TreeSet<>(CORE)), cycles, "package cycles of the engine (edges: " + graph + ")");
    }

    @Test
    void utilIsALeaf() throws IOException {
        Map<String, Set<String>> graph = packageGraph(Path.of("src/main/java"));
        assertEquals(Set.of(), graph.get("io.genai4j.engine.util"), "engine.util must import nothing else of genai4j");
    }

    @Test
    void cyclesAreFound() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c"));
        g.put("c", Set.of("a"));
        g.put("d", Set.of("a"));
        List<Set<String>> sccs = stronglyConnected(g);
        assertTrue(sccs.contains(Set.of("a", "b", "c")), sccs.toString());
        assertTrue(sccs.contains(Set.of("d")), sccs.toString());
    }

    /** Package → the other engine packages its main sources refer to. */
    static Map<String, Set<String>> packageGraph(Path sources) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = COMMENT.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll(" ");
                Matcher pm = PACKAGE.matcher(src);
                if (!pm.find()) continue;
                String pkg = pm.group(1);
                Set<String> out = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(src);
                while (m.find()) if (!m.group(1).equals(pkg)) out.add(m.group(1));
            }
        }
        return graph;
    }

    /** Tarjan's strongly connected components. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) if (!index.containsKey(v)) visit(v, graph, index, low, stack, onStack, out);
        return out;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                              Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> c = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                c.add(w);
            } while (!w.equals(v));
            out.add(c);
        }
    }
}
