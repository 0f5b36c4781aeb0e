package io.genai4j.models.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SmallHeap;
import io.genai4j.engine.io.WriteEntry;
import io.genai4j.models.ConfigMutant;
import io.genai4j.text.fuzz.FuzzTally;
import io.genai4j.text.wordpiece.Batch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny BERT folder whose config.json values are replaced by huge, zero, negative, fractional or
 * wrongly typed ones. Each mutant must load and encode, or be refused with an
 * IllegalArgumentException or IOException; an OutOfMemoryError under the 256 MB heap of the
 * small-heap execution (num_hidden_layers 100000 allocated 17 GB) fails the test.
 */
@SmallHeap
class BertConfigFuzzTest {
    @TempDir
    Path dir;

    private static final BertConfig TINY = new BertConfig(40, 8, 2, 2, 16, 16, 2, 1e-12f);

    private static final Object[] VALUES = {0L, -1L, 1L, 2L, 3L, 4L, 8L, 100_000L, 2_147_483_647L, 4_294_967_299L, 1L << 40, 1e20, 2.5,
            0.0, -1e-5, "8", "\u001b[31m", true, null, List.of(), Map.of(), "relu", "gelu"};

    private static Map<String, Object> config(BertConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_type", "bert");
        m.put("hidden_act", "gelu");
        m.put("vocab_size", (long) c.vocabSize());
        m.put("hidden_size", (long) c.hidden());
        m.put("num_hidden_layers", (long) c.layers());
        m.put("num_attention_heads", (long) c.heads());
        m.put("intermediate_size", (long) c.intermediate());
        m.put("max_position_embeddings", (long) c.maxPositions());
        m.put("type_vocab_size", (long) c.typeVocab());
        m.put("layer_norm_eps", 1e-12);
        return m;
    }

    private static void loadAndEncode(Path folder) throws IOException {
        try (var g = Grad.off()) {
            BertModel m = HfBert.load(folder);
            m.forward(new Batch(1, 3, new int[] {1, 2, 3}, new int[3], new int[] {1, 1, 1}));
        }
    }

    @Test
    void parameterCountMatchesTheModel() {
        assertEquals(new BertModel(TINY, new Rng(0)).numParameters(), TINY.parameterCount());
        BertConfig other = new BertConfig(30, 12, 3, 3, 20, 7, 1, 1e-5f);
        assertEquals(new BertModel(other, new Rng(0)).numParameters(), other.parameterCount());
    }

    @Test
    void configValuesAreCheckedAgainstTheWeights() throws IOException {
        List<WriteEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : new BertModel(TINY, new Rng(1)).stateDict().entrySet()) {
            long[] shape = java.util.Arrays.stream(e.getValue().shape()).asLongStream().toArray();
            entries.add(WriteEntry.ofFloats(e.getKey(), DType.F32, shape, e.getValue().toArray()));
        }
        SafeTensors.write(dir.resolve("model.safetensors"), entries, Map.of("format", "pt"));
        Path cfg = dir.resolve("config.json");
        Map<String, Object> orig = config(TINY);
        Files.writeString(cfg, Json.toJson(orig, Integer.MAX_VALUE));
        loadAndEncode(dir);                                             // the unmutated model loads
        List<String> keys = new ArrayList<>(orig.keySet());
        SplittableRandom rnd = new SplittableRandom(5);
        FuzzTally tally = FuzzTally.userErrors();
        for (int i = 0; i < 400; i++) {
            ConfigMutant m = ConfigMutant.of(orig, keys, VALUES, rnd);
            Object json = rnd.nextInt(50) == 0 ? List.copyOf(m.config().keySet()) : m.config();
            Files.writeString(cfg, Json.toJson(json, Integer.MAX_VALUE));
            tally.attempt("mutation " + i + " (" + m.how() + ")", () -> loadAndEncode(dir));
        }
        assertTrue(tally.accepted() > 20, "accepted " + tally.accepted());
        assertTrue(tally.rejected() > 200, "rejected " + tally.rejected());
    }
}
