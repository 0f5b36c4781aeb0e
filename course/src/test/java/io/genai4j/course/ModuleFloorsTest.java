package io.genai4j.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cli → course → llm → models → text → engine, no arrow up: the main code of every floor module is
 * scanned (imports and inline qualified names) and so are the poms. The synthetic trees show that
 * each kind of upward arrow is caught, so the check on the real tree can fail.
 */
class ModuleFloorsTest {

    @Test
    void noMainCodeOfTheReactorPointsUpOrDrawsOutsideTheCourse() {
        List<ModuleFloors.Violation> v = ModuleFloors.scan(root());
        assertTrue(v.isEmpty(), () -> v.size() + " upward arrows or drawing libraries:\n" + v.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void noPomDependsOnAHigherFloor() {
        List<ModuleFloors.Violation> v = ModuleFloors.pomArrows(root());
        assertTrue(v.isEmpty(), () -> v.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void everyFloorIsAModuleOfTheReactor() throws IOException {
        String parent = Files.readString(root().resolve("pom.xml"));
        for (String m : ModuleFloors.FLOORS) assertTrue(parent.contains("<module>" + m + "</module>"), m);
    }

    @Test
    void anUpwardImportIsCaughtAndSkippingFloorsIsNot(@TempDir Path root) throws IOException {
        tree(root);
        write(root, "models", "io/genai4j/models/M.java", """
                package io.genai4j.models;

                import io.genai4j.engine.E;
                import io.genai4j.course.chart.C;
                import static io.genai4j.llm.L.run;
                class M {}
                """);
        List<ModuleFloors.Violation> v = ModuleFloors.scan(root);
        assertEquals(List.of("io.genai4j.course.chart@4", "io.genai4j.llm@5"), summary(v));
        assertTrue(v.get(0).why().contains("models is below course"), v.get(0).why());
    }

    @Test
    void anInlineQualifiedNameIsAnArrowButProseIsNot(@TempDir Path root) throws IOException {
        tree(root);
        write(root, "text", "io/genai4j/text/T.java", """
                package io.genai4j.text;

                /** Rendered by {@link io.genai4j.course.chart.C} in the course. */
                class T {
                    String s = "io.genai4j.models.M.run()";   // io.genai4j.llm.L would be up too
                    Object o = io.genai4j.models.M.make();
                }
                """);
        assertEquals(List.of("io.genai4j.models@6"), summary(ModuleFloors.scan(root)));
    }

    @Test
    void drawingIsForTheCourseAndTheCliOnly(@TempDir Path root) throws IOException {
        tree(root);
        write(root, "engine", "io/genai4j/engine/Plot.java", "package io.genai4j.engine;\nimport java.awt.Color;\nclass Plot { Object i = javax.imageio.ImageIO.class; }\n");
        write(root, "course", "io/genai4j/course/chart/Chart.java", "package io.genai4j.course.chart;\nimport java.awt.Color;\nimport javax.imageio.ImageIO;\nclass Chart {}\n");
        assertEquals(List.of("java.awt@2", "javax.imageio@3"), summary(ModuleFloors.scan(root)));
    }

    @Test
    void anUnknownGenai4jPackageIsReported(@TempDir Path root) throws IOException {
        tree(root);
        write(root, "llm", "io/genai4j/llm/X.java", "package io.genai4j.llm;\nimport io.genai4j.studio.Api;\nclass X {}\n");
        List<ModuleFloors.Violation> v = ModuleFloors.scan(root);
        assertEquals(List.of("io.genai4j.studio@2"), summary(v));
        assertTrue(v.get(0).why().contains("no floor module declares"), v.get(0).why());
    }

    @Test
    void aPomThatDependsUpIsCaught(@TempDir Path root) throws IOException {
        tree(root);
        Files.writeString(root.resolve("text/pom.xml"), """
                <project><parent><artifactId>genai4j-parent</artifactId></parent>
                  <artifactId>genai4j-text</artifactId>
                  <!-- <artifactId>genai4j-cli</artifactId> in a comment does not count -->
                  <dependencies>
                    <dependency><artifactId>genai4j-engine</artifactId></dependency>
                    <dependency><artifactId>genai4j-models</artifactId><type>test-jar</type></dependency>
                  </dependencies>
                </project>
                """);
        assertEquals(List.of("genai4j-models@6"), summary(ModuleFloors.pomArrows(root)));
    }

    @Test
    void thePackageOfANameEndsBeforeItsFirstClass() {
        assertEquals("io.genai4j.course.chart", ModuleFloors.packageOf("io.genai4j.course.chart.LineChart"));
        assertEquals("io.genai4j.models.gpt", ModuleFloors.packageOf("io.genai4j.models.gpt.GptTrainer.Eval"));
        assertEquals("io.genai4j.course.chart", ModuleFloors.packageOf("io.genai4j.course.chart"));
    }

    /** One package per floor module, as the real reactor has, and a minimal pom each. */
    private static void tree(Path root) throws IOException {
        for (String m : ModuleFloors.FLOORS) {
            write(root, m, "io/genai4j/" + m + "/Anchor.java", "package io.genai4j." + m + ";\nclass Anchor {}\n");
            Files.writeString(root.resolve(m).resolve("pom.xml"), "<project><artifactId>genai4j-" + m + "</artifactId></project>\n");
        }
        write(root, "course", "io/genai4j/course/chart/Anchor.java", "package io.genai4j.course.chart;\nclass Anchor {}\n");
        write(root, "models", "io/genai4j/models/gpt/Anchor.java", "package io.genai4j.models.gpt;\nclass Anchor {}\n");
    }

    private static void write(Path root, String module, String rel, String text) throws IOException {
        Path f = root.resolve(module).resolve("src/main/java").resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static List<String> summary(List<ModuleFloors.Violation> v) {
        return v.stream().map(x -> x.target() + "@" + x.line()).toList();
    }

    /** The reactor root: surefire runs in the module's folder, the root is the first parent with engine/. */
    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("engine/src/main/java"))) return p;
        }
        throw new IllegalStateException("no reactor root above " + Path.of("").toAbsolutePath());
    }
}
