package io.genai4j.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The module floors of the reactor and a scanner that finds every arrow pointing up. The floors,
 * lowest first, are bench → cli → course → llm → models → text → engine read backwards (bench joins
 * the CLI through a ServiceLoader, so its peers stay off {@code genai run}): a module may use any
 * module on a lower floor (skipping floors is fine), never one above it. An arrow is an import
 * (plain, static or on-demand) or an inline fully qualified name in code: issue 14 found 145 of
 * those hiding edges, so comments and string literals are blanked first and everything else counts.
 * Drawing (java.awt, javax.imageio, javax.swing) is allowed only in the course and the CLI: the
 * libraries return data and the course draws it.
 */
final class ModuleFloors {
    /** Lowest first. A module added to the reactor takes its place here (say, server between course and cli). */
    static final List<String> FLOORS = List.of("engine", "text", "models", "llm", "rag", "rag-solr", "langchain4j", "course", "server", "cli", "bench");

    /** The modules that may draw. */
    static final Set<String> DRAWING = Set.of("course", "cli");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(io\\.genai4j(?:\\.[a-z_][\\w]*)+)\\.[A-Z]\\w*");
    private static final Pattern DRAW = Pattern.compile("(?<![\\w.])(java\\.awt|javax\\.imageio|javax\\.swing)\\b");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*genai4j-([\\w-]+)\\s*</artifactId>");

    private ModuleFloors() {}

    /** One offending line: which file, what it names, and why that is not allowed. */
    record Violation(Path file, int line, String target, String why) {
        @Override
        public String toString() {
            return file + ":" + line + " uses " + target + " (" + why + ")";
        }
    }

    /** Every upward arrow and every drawing import in the main code of the floor modules under {@code root}. */
    static List<Violation> scan(Path root) {
        Map<String, String> packageToModule = packages(root);
        List<Violation> out = new ArrayList<>();
        for (String module : FLOORS) {
            for (Path file : javaFiles(root.resolve(module).resolve("src/main/java"))) out.addAll(check(module, file, packageToModule));
        }
        return out;
    }

    /** The package → module map, from the package declarations in each floor module's main code. */
    static Map<String, String> packages(Path root) {
        Map<String, String> out = new HashMap<>();
        for (String module : FLOORS) {
            for (Path file : javaFiles(root.resolve(module).resolve("src/main/java"))) {
                Matcher m = PACKAGE.matcher(read(file));
                if (m.find()) {
                    String before = out.putIfAbsent(m.group(1), module);
                    if (before != null && !before.equals(module)) {
                        throw new IllegalStateException("package " + m.group(1) + " is split between " + before + " and " + module);
                    }
                }
            }
        }
        return out;
    }

    static List<Violation> check(String module, Path file, Map<String, String> packageToModule) {
        String code = codeOnly(read(file));
        int floor = FLOORS.indexOf(module);
        List<Violation> out = new ArrayList<>();
        Map<Integer, String> targets = new TreeMap<>();   // offset → referenced package
        Matcher imp = IMPORT.matcher(code);
        while (imp.find()) if (imp.group(1).startsWith("io.genai4j.")) targets.put(imp.start(1), packageOf(imp.group(1)));
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) targets.putIfAbsent(q.start(1), q.group(1));
        for (var t : targets.entrySet()) {
            String pkg = t.getValue();
            String owner = packageToModule.get(pkg);
            int line = lineOf(code, t.getKey());
            if (owner == null) {
                out.add(new Violation(file, line, pkg, "a package that no floor module declares"));
            } else if (FLOORS.indexOf(owner) > floor) {
                out.add(new Violation(file, line, pkg, module + " is below " + owner + ": an arrow may not point up"));
            }
        }
        if (!DRAWING.contains(module)) {
            Matcher d = DRAW.matcher(code);
            while (d.find()) {
                out.add(new Violation(file, lineOf(code, d.start()), d.group(1), module + " is a library: only " + DRAWING + " may draw"));
            }
        }
        return out;
    }

    /**
     * The same rule for the poms: every genai4j artifact a floor module depends on (any scope: a test
     * of a lower module may not need a higher one either) sits on the same or a lower floor.
     */
    static List<Violation> pomArrows(Path root) {
        List<Violation> out = new ArrayList<>();
        for (String module : FLOORS) {
            Path pom = root.resolve(module).resolve("pom.xml");
            String xml = blank(PARENT, blank(COMMENT, read(pom)));
            Matcher m = ARTIFACT.matcher(xml);
            while (m.find()) {
                String target = m.group(1);
                if (target.equals(module) || target.equals("parent")) continue;
                int floor = FLOORS.indexOf(target);
                if (floor < 0) {
                    out.add(new Violation(pom, lineOf(xml, m.start()), "genai4j-" + target, "not a floor module: a library may not depend on it"));
                } else if (floor > FLOORS.indexOf(module)) {
                    out.add(new Violation(pom, lineOf(xml, m.start()), "genai4j-" + target, module + " is below " + target + ": an arrow may not point up"));
                }
            }
        }
        return out;
    }

    /** The package part of a name: the segments before the first one that starts with a capital. */
    static String packageOf(String name) {
        String[] parts = name.split("\\.");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && Character.isUpperCase(p.charAt(0))) break;
            if (!b.isEmpty()) b.append('.');
            b.append(p);
        }
        return b.toString();
    }

    /**
     * The source with comments, string and char literals and text blocks replaced by spaces (newlines
     * kept), so a name mentioned in prose is not an arrow and line numbers stay right.
     */
    static String codeOnly(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            int end;
            if (src.startsWith("//", i)) {
                end = src.indexOf('\n', i);
                if (end < 0) end = n;
            } else if (src.startsWith("/*", i)) {
                end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') end = src.indexOf("\"\"\"", end + 1);
                end = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && src.charAt(end) != c && src.charAt(end) != '\n') end += src.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + 1);
            } else {
                b.append(c);
                i++;
                continue;
            }
            for (int k = i; k < end; k++) b.append(src.charAt(k) == '\n' ? '\n' : ' ');
            i = end;
        }
        return b.toString();
    }

    /** Each match of p blanked out, newlines kept so that line numbers stay right. */
    private static String blank(Pattern p, String s) {
        return p.matcher(s).replaceAll(r -> r.group().replaceAll("[^\n]", " "));
    }

    private static int lineOf(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (s.charAt(i) == '\n') line++;
        return line;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
