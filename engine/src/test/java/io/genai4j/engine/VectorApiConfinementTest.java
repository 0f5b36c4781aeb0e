package io.genai4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import rule of the house: the Vector API ({@code jdk.incubator.vector}) appears only in the
 * engine's kernel packages, as Lucene confines it to {@code internal/vectorization}. A model file
 * composes modules and ops; lanes, species and masks are the kernels' business. Scans the main
 * sources of every module of the reactor (imports and inline qualified names alike).
 */
class VectorApiConfinementTest {
    /** Packages (and their subpackages) that may use the Vector API. engine.infer: the decoder runtime of issue 14. */
    static final List<String> KERNEL_PACKAGES = List.of("io.genai4j.engine.kernels", "io.genai4j.engine.quant", "io.genai4j.engine.infer");

    /**
     * Files outside those packages allowed to use it, by path from the repository root: none. (Until
     * the decoder runtime of issue 14 landed, models/llama's LlamaInference and CacheAttention were;
     * an entry whose file is gone or clean is reported below.)
     */
    static final Set<String> ALLOWED = Set.of();

    private static final Pattern USE = Pattern.compile("\\bjdk\\.incubator\\.vector\\b");
    /** Comments and string literals: a JVM flag such as "--add-modules jdk.incubator.vector" is not a use. */
    private static final Pattern NOT_CODE = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    @Test
    void theVectorApiStaysInTheKernelPackages() throws IOException {
        Path root = repositoryRoot();
        Set<String> users = new TreeSet<>(), offenders = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String src = Files.readString(f, StandardCharsets.UTF_8);
                        if (!usesVectorApi(src)) continue;
                        String rel = root.relativize(f).toString().replace('\\', '/');
                        users.add(rel);
                        if (!inKernelPackage(packageOf(src)) && !ALLOWED.contains(rel)) offenders.add(rel);
                    }
                }
            }
        }
        assertTrue(users.contains("engine/src/main/java/io/genai4j/engine/kernels/VecMath.java"),
                "the scan must see the kernels that do use the Vector API, found " + users);
        assertEquals(Set.of(), offenders, "Vector API outside " + KERNEL_PACKAGES
                + ": move the loop into a kernel (as kernels.NormRows, kernels.AdamWRows) and call it");
        for (String a : ALLOWED) {
            if (!users.contains(a)) System.err.println("VectorApiConfinementTest: " + a + " no longer uses the Vector API: drop it from ALLOWED");
        }
    }

    @Test
    void importsAndInlineNamesBothCount() {
        assertTrue(usesVectorApi("import jdk.incubator.vector.FloatVector;\nclass A {}"));
        assertTrue(usesVectorApi("import static jdk.incubator.vector.VectorOperators.ADD;"));
        assertTrue(usesVectorApi("class A { Object s = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED; }"));
        assertFalse(usesVectorApi("import java.util.Vector;\nclass A {}"));
        assertFalse(usesVectorApi("/** Run with --add-modules jdk.incubator.vector. */ class A {}"));
        assertFalse(usesVectorApi("class A { String[] flags = {\"--add-modules\", \"jdk.incubator.vector\"}; }"));
    }

    @Test
    void kernelPackagesIncludeTheirSubpackagesOnly() {
        assertTrue(inKernelPackage("io.genai4j.engine.kernels"));
        assertTrue(inKernelPackage("io.genai4j.engine.infer.attention"));
        assertFalse(inKernelPackage("io.genai4j.engine.kernelsx"));
        assertFalse(inKernelPackage("io.genai4j.engine.ops"));
        assertFalse(inKernelPackage("io.genai4j.models.llama"));
    }

    static boolean usesVectorApi(String source) {
        return USE.matcher(NOT_CODE.matcher(source).replaceAll(" ")).find();
    }

    static boolean inKernelPackage(String pkg) {
        return KERNEL_PACKAGES.stream().anyMatch(k -> pkg.equals(k) || pkg.startsWith(k + "."));
    }

    private static String packageOf(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() ? m.group(1) : "";
    }

    /** The reactor's root: the first folder up from the working directory with mvnw and engine/. */
    static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("engine/src/main/java"))) return d;
        }
        throw new UncheckedIOException(new IOException("no reactor root (mvnw + engine/) above " + Path.of("").toAbsolutePath()));
    }
}
