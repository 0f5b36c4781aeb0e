package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.io.gguf.GgufValueType;
import io.genai4j.engine.io.gguf.GgufWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `genai inspect` and `genai run` on GGUF files that carry terminal escapes or impossible hyperparameters. */
class HostileModelCliTest {
    @TempDir
    Path tmp;

    @Test
    void inspectEscapesMetadataFromTheFile() throws Exception {
        GgufWriter w = new GgufWriter();
        w.putString("general.name", "\u001b[31mRED\u001b[0m\u0007");
        w.putString("key\u001b]0;title\u0007", "v");
        Path p = tmp.resolve("esc.gguf");
        w.write(p);
        CliRun r = CliRun.of("inspect", p.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
        assertTrue(r.out().contains("\\x1b[31mRED\\x1b[0m\\x07"), r.out());
    }

    @Test
    void zeroHeadsIsOneLineNotAStackTrace() throws Exception {
        GgufWriter w = new GgufWriter();
        w.putString("general.architecture", "llama");
        w.putU32("llama.embedding_length", 32);
        w.putU32("llama.block_count", 1);
        w.putU32("llama.attention.head_count", 0);
        w.putU32("llama.context_length", 64);
        w.putF32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        w.put("unused", GgufValueType.UINT8, 1L);
        w.addTensor("token_embd.weight", io.genai4j.engine.DType.F32, new long[] {4, 32}, new byte[4 * 32 * 4]);
        Path p = tmp.resolve("heads0.gguf");
        w.write(p);
        CliRun r = CliRun.of("run", p.toString(), "--prompt", "hi");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("llama.attention.head_count' = 0"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
