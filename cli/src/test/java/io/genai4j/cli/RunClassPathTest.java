package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The CLI's own class path (the one {@code genai run} uses) carries no benchmark peer: ONNX Runtime
 * is in the bench module, which joins only when its jar is on the class path.
 */
class RunClassPathTest {
    @Test
    void onnxRuntimeIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.onnxruntime.OrtSession"));
    }

    @Test
    void benchWithoutTheBenchJarSaysWhereItIs() {
        CliRun r = CliRun.of("bench", "matmul");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("genai: bench is in the bench module"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
