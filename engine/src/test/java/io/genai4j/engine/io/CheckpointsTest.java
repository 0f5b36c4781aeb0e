package io.genai4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Linear;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @Test
    void moduleStateRoundTripsBitForBit(@TempDir Path dir) throws Exception {
        Linear a = new Linear(5, 3, true, new Rng(1));
        Path file = dir.resolve("linear.safetensors");
        Checkpoints.save(file, a.stateDict(), Map.of("step", "7"));
        Linear b = new Linear(5, 3, true, new Rng(2));
        b.loadStateDict(Checkpoints.load(file), true);
        assertArrayEquals(a.weight.toArray(), b.weight.toArray());
        assertArrayEquals(a.bias.toArray(), b.bias.toArray());
        assertEquals("7", Checkpoints.metadata(file).get("step"));
    }

    @Test
    void halfTensorsAreWrittenAsHalfAndMappedWithoutCopy(@TempDir Path dir) throws Exception {
        Tensor x = Tensor.of(new float[] {1.5f, -2f, 0.25f, 1024f}, 2, 2);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x16", x.to(DType.F16));
        m.put("xb", x.to(DType.BF16));
        m.put("xt", x.mT());   // a non-contiguous view is written in logical order
        Path file = dir.resolve("h.safetensors");
        Checkpoints.save(file, m, null);
        try (SafeTensorsFile f = SafeTensors.open(file)) {
            assertEquals(DType.F16, f.info("x16").dtype());
            assertEquals(DType.BF16, f.info("xb").dtype());
            Map<String, Tensor> mapped = Checkpoints.mapped(f);
            assertEquals(DType.F16, mapped.get("x16").dtype());
            assertArrayEquals(x.toArray(), mapped.get("x16").to(DType.F32).toArray());
            assertArrayEquals(x.toArray(), mapped.get("xb").to(DType.F32).toArray());
            assertArrayEquals(new float[] {1.5f, 0.25f, -2f, 1024f}, mapped.get("xt").to(DType.F32).toArray());
        }
    }

    @Test
    void convertFloatsHalvesFloatTensorsAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.safetensors"), out = dir.resolve("out.safetensors");
        float[] w = {1.5f, -2f, 0.1f, 1024f};
        SafeTensors.write(in, java.util.List.of(WriteEntry.ofFloats("w", DType.F32, new long[] {2, 2}, w),
                WriteEntry.ofInts("ids", new long[] {3}, new int[] {7, -1, 65536})), Map.of("format", "test"));
        Checkpoints.convertFloats(in, out, DType.F16);
        try (SafeTensorsFile f = SafeTensors.open(out)) {
            assertEquals(DType.F16, f.info("w").dtype());
            assertEquals(DType.I32, f.info("ids").dtype());
            assertArrayEquals(new float[] {1.5f, -2f, 0.099975586f, 1024f}, f.readF32("w"));   // 0.1 rounds to the nearest half
            assertArrayEquals(new float[] {7, -1, 65536}, f.readF32("ids"));
            assertEquals("test", f.metadata().get("format"));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Checkpoints.convertFloats(in, out, DType.I32));
    }
}
