package io.genai4j.models.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.io.gguf.GgufException;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.io.gguf.GgufMetadata;
import io.genai4j.engine.io.gguf.GgufTensorInfo;
import io.genai4j.engine.io.gguf.GgufValueType;
import io.genai4j.engine.io.gguf.GgufWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reproductions for model folders and GGUF hyperparameters. */
class ModelLoaderHostileTest {
    @TempDir
    Path dir;

    private Path tinyGguf() throws IOException {
        return tinyGguf(Arch.LLAMA);
    }

    private Path tinyGguf(Arch arch) throws IOException {
        Path hf = TinyModels.writeHf(dir.resolve("hf-" + arch.ggufName()), arch, 1);
        Path out = dir.resolve("tiny-" + arch.ggufName() + ".gguf");
        HfToGguf.convert(hf, out, DType.F32);
        return out;
    }

    /** A copy of the file with one metadata value replaced (or added). */
    private Path with(Path src, String key, GgufValueType type, Object value, String name) throws IOException {
        GgufWriter w = new GgufWriter();
        try (GgufFile f = GgufFile.open(src)) {
            for (GgufMetadata.Entry e : f.metadata().entries().values()) {
                if (e.key().equals(key)) w.put(key, type, value);
                else w.put(e.key(), e.type(), e.value());
            }
            if (!f.metadata().has(key)) w.put(key, type, value);
            for (GgufTensorInfo t : f.tensors()) w.addTensor(t.name(), t.type().dtype(), t.shape(), f.data(t.name()));
            Path out = dir.resolve(name);
            w.write(out);
            return out;
        }
    }

    @Test
    void zeroHeadsIsAClearErrorNotADivisionByZero() throws IOException {
        Path bad = with(tinyGguf(), "llama.attention.head_count", GgufValueType.UINT32, 0L, "heads0.gguf");
        GgufException e = assertThrows(GgufException.class, () -> ModelLoader.load(bad).close());
        assertTrue(e.getMessage().contains("llama.attention.head_count' = 0"), e.getMessage());
    }

    @Test
    void aLayerCountBeyondTheWeightsIsRefusedBeforeBuilding() throws IOException {
        Path bad = with(tinyGguf(), "llama.block_count", GgufValueType.UINT32, 100_000L, "layers.gguf");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelLoader.load(bad).close());
        assertTrue(e.getMessage().contains("100000 layers but the weights have only 2"), e.getMessage());
    }

    @Test
    void aHugeHeadWidthIsRefusedBeforeTheRopeTableIsSized() throws IOException {
        // Before: key_length 2^30 sized a 4 GB table of rotary frequencies before any weight was read.
        Path wide = with(tinyGguf(Arch.QWEN2), "qwen2.attention.key_length", GgufValueType.UINT32, 1L << 30, "wide.gguf");
        Path bad = with(wide, "qwen2.rope.dimension_count", GgufValueType.UINT32, 1L << 30, "wider.gguf");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelLoader.load(bad).close());
        assertTrue(e.getMessage().contains("head dimension 1073741824 is larger than 65536"), e.getMessage());
    }

    @Test
    void aVocabularyThatDoesNotMatchTheEmbeddingIsRefused() throws IOException {
        Path cut = tinyGguf();
        for (String key : new String[] {"tokenizer.ggml.tokens", "tokenizer.ggml.token_type", "tokenizer.ggml.scores"}) {
            Object values;
            try (GgufFile f = GgufFile.open(cut)) {
                if (!f.metadata().has(key)) continue;
                values = f.metadata().array(key).values();
            }
            Object first50 = java.lang.reflect.Array.newInstance(values.getClass().getComponentType(), 50);
            System.arraycopy(values, 0, first50, 0, 50);
            GgufValueType et = key.endsWith("tokens") ? GgufValueType.STRING : key.endsWith("type") ? GgufValueType.INT32 : GgufValueType.FLOAT32;
            cut = with(cut, key, GgufValueType.ARRAY, new io.genai4j.engine.io.gguf.GgufArray(et, first50), "cut-" + key + ".gguf");
        }
        Path model = cut;
        // Before: it loaded, and generation failed at the first sampled id past 50.
        var e = assertThrows(IllegalArgumentException.class, () -> ModelLoader.load(model).close());
        assertTrue(e.getMessage().contains("the vocabulary has 50 tokens but token_embd.weight has"), e.getMessage());
    }

    @Test
    void aFolderHoldingOneGgufLoadsIt() throws IOException {
        Path gguf = tinyGguf();
        Path folder = Files.createDirectories(dir.resolve("one"));
        Files.copy(gguf, folder.resolve("model.gguf"));
        try (LoadedModel m = ModelLoader.load(folder)) {
            assertEquals(2, m.config().layers());
        }
        assertTrue(ModelLoader.tokenizer(folder).vocabSize() > 0);
        Files.copy(gguf, folder.resolve("other.gguf"));
        var e = assertThrows(IllegalArgumentException.class, () -> ModelLoader.load(folder).close());
        assertTrue(e.getMessage().contains("2 .gguf files"), e.getMessage());
    }

    @Test
    void theModelNameIsEscapedInTheDescription() throws IOException {
        Path named = with(tinyGguf(), "general.name", GgufValueType.STRING, "evil\u001b[2J\u0007", "named.gguf");
        try (LoadedModel m = ModelLoader.load(named)) {
            assertFalse(m.description().contains("\u001b"), m.description());
            assertTrue(m.description().startsWith("evil\\x1b[2J\\x07"), m.description());
        }
    }
}
