package io.genai4j.models.llama;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.io.SmallHeap;
import io.genai4j.engine.io.gguf.GgufArray;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.io.gguf.GgufMetadata;
import io.genai4j.engine.io.gguf.GgufTensorInfo;
import io.genai4j.engine.io.gguf.GgufValueType;
import io.genai4j.engine.io.gguf.GgufWriter;
import io.genai4j.models.ConfigMutant;
import io.genai4j.text.fuzz.FuzzTally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hyperparameters that lie about the weights: a tiny model's config.json values and GGUF
 * hyperparameter metadata are replaced by huge, zero, negative, fractional or wrongly typed ones.
 * Each mutant must load and run a token, or be refused with one clear line (an
 * IllegalArgumentException, which GgufException is, or an IOException). A division by zero, an
 * index error or an OutOfMemoryError under the 256 MB heap of the small-heap execution (a layer
 * count of 100000 allocated 17 GB) fails the test.
 */
@SmallHeap
class ModelConfigFuzzTest {
    @TempDir
    Path dir;

    private static final Object[] VALUES = {0L, -1L, 1L, 2L, 3L, 7L, 100_000L, 1L << 30, 2_147_483_647L, 4_294_967_299L, 1L << 40, 1e20, 2.5, 1e-30,
            0.0, -1e-5, "12", "\u001b[31m", true, null, List.of(), List.of(4L, 4L), Map.of("type", "linear", "factor", 0.0),
            Map.of("rope_type", "llama3", "factor", 8.0), Map.of("type", "yarn")};

    /** Loads the model and runs one token. */
    private static void loadAndRun(Path model) throws IOException {
        try (LoadedModel m = ModelLoader.load(model); var g = Grad.off()) {
            m.model().newSession(4, DType.F32).forward(new int[] {1}, false);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void huggingFaceConfigValuesAreCheckedAgainstTheWeights() throws IOException {
        for (Arch arch : new Arch[] {Arch.LLAMA, Arch.GPT2}) {
            Path model = TinyModels.writeHf(dir.resolve(arch.ggufName()), arch, 3);
            Path cfg = model.resolve("config.json");
            Map<String, Object> orig = (Map<String, Object>) Json.parse(Files.readAllBytes(cfg));
            loadAndRun(model);                                          // the unmutated model loads
            List<String> keys = new ArrayList<>(orig.keySet());
            keys.addAll(List.of("head_dim", "rope_scaling", "rope_theta", "n_inner", "tie_word_embeddings"));
            SplittableRandom rnd = new SplittableRandom(arch.ordinal() + 11);
            FuzzTally tally = FuzzTally.userErrors();
            for (int i = 0; i < 150; i++) {
                ConfigMutant m = ConfigMutant.of(orig, keys, VALUES, rnd);
                Files.writeString(cfg, Json.toJson(m.config(), Integer.MAX_VALUE));
                tally.attempt(arch + " mutation " + i + " (" + m.how() + ")", () -> loadAndRun(model));
            }
            assertTrue(tally.accepted() > 5, arch + " accepted " + tally.accepted());
            assertTrue(tally.rejected() > 50, arch + " rejected " + tally.rejected());
        }
    }

    /** Hyperparameters a file may leave out (llama.cpp's defaults apply): mutants add them too. */
    private static final List<String> OPTIONAL = List.of("attention.head_count_kv", "attention.key_length", "attention.value_length",
            "rope.dimension_count", "rope.freq_base", "rope.scaling.type", "rope.scaling.factor", "rope.scale_linear", "feed_forward_length");

    /** The hyperparameter keys of a GGUF model (not the tokenizer's). */
    private static boolean hyperparameter(String key) {
        return key.startsWith("llama.") || key.startsWith("gpt2.") || key.equals("general.architecture");
    }

    @Test
    void ggufHyperparametersAreCheckedAgainstTheWeights() throws IOException {
        for (Arch arch : new Arch[] {Arch.LLAMA, Arch.GPT2}) {
            Path hf = TinyModels.writeHf(dir.resolve("hf-" + arch.ggufName()), arch, 5);
            Path seed = dir.resolve(arch.ggufName() + ".gguf");
            HfToGguf.convert(hf, seed, DType.F32);
            loadAndRun(seed);                                           // the unmutated GGUF loads
            SplittableRandom rnd = new SplittableRandom(arch.ordinal() + 29);
            FuzzTally tally = FuzzTally.userErrors();
            Path mutant = dir.resolve("mutant.gguf");
            for (int i = 0; i < 150; i++) {
                String how;
                try (GgufFile f = GgufFile.open(seed)) {
                    List<String> keys = new ArrayList<>(f.metadata().keys().stream().filter(ModelConfigFuzzTest::hyperparameter).toList());
                    for (String k : OPTIONAL) if (!keys.contains(arch.ggufName() + "." + k)) keys.add(arch.ggufName() + "." + k);
                    String key = keys.get(rnd.nextInt(keys.size()));
                    how = rewrite(f, key, rnd, mutant);
                }
                tally.attempt(arch + " mutation " + i + " (" + how + ")", () -> loadAndRun(mutant));
            }
            assertTrue(tally.accepted() > 5, arch + " accepted " + tally.accepted());
            assertTrue(tally.rejected() > 50, arch + " rejected " + tally.rejected());
        }
    }

    /** Copies the file with one metadata value replaced, added or removed; returns what was done. */
    private static String rewrite(GgufFile f, String key, SplittableRandom rnd, Path out) throws IOException {
        GgufWriter w = new GgufWriter();
        String how = null;
        for (GgufMetadata.Entry e : f.metadata().entries().values()) if (!e.key().equals(key)) w.put(e.key(), e.type(), e.value());
        switch (rnd.nextInt(7)) {
            case 0 -> how = key + " removed";
            case 1 -> {
                w.putString(key, "\u001b[2J" + rnd.nextInt(100));
                how = key + " as a string";
            }
            case 2 -> {
                w.put(key, GgufValueType.ARRAY, new GgufArray(GgufValueType.UINT32, new long[] {4, 4}));
                how = key + " as an array";
            }
            case 3 -> {
                double v = new double[] {0, -1, 1e-30, 1e30, Double.NaN, 2.5}[rnd.nextInt(6)];
                w.put(key, GgufValueType.FLOAT32, (float) v);
                how = key + " = " + v + "f";
            }
            case 4 -> {
                w.putString(key, new String[] {"linear", "yarn", "none", ""}[rnd.nextInt(4)]);
                how = key + " as a scaling name";
            }
            default -> {
                long v = new long[] {0, 1, 2, 3, 5, 100_000, 1 << 30, 0x7FFF_FFFFL, 0xFFFF_FFFFL, -1}[rnd.nextInt(10)];
                GgufValueType t = rnd.nextBoolean() ? GgufValueType.UINT32 : GgufValueType.INT64;
                w.put(key, t, v);
                how = key + " = " + v + " (" + t + ")";
            }
        }
        for (GgufTensorInfo t : f.tensors()) w.addTensor(t.name(), t.type().dtype(), t.shape(), f.data(t.name()));
        w.write(out);
        return how;
    }
}
