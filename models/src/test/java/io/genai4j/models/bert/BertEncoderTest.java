package io.genai4j.models.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.WriteEntry;
import io.genai4j.engine.io.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sentence embeddings against published reference values, and the Hugging Face folder loader. */
class BertEncoderTest {
    static BertEncoder minilm;

    @BeforeAll
    static void load() throws Exception {
        minilm = BertEncoder.load("minilm");
    }

    @Test
    void miniLmMatchesSentenceTransformersReference() {
        float[][] e = minilm.encode(List.of("The cat sits on the mat.", "A dog plays in the park."));
        // sentence-transformers' all-MiniLM-L6-v2 (mean pooling + L2) for the first sentence
        float[] want = {0.134177f, -0.032900f, -0.024804f, 0.041439f};
        for (int i = 0; i < want.length; i++) assertEquals(want[i], e[0][i], 1e-5, "component " + i);
        assertEquals(0.144634, Pooling.cosine(e[0], e[1]), 1e-5);
        assertEquals(1.0, Pooling.cosine(e[0], e[0]), 1e-6);
    }

    @Test
    void batchingAndPaddingDoNotChangeEmbeddings() {
        List<String> texts = List.of("short", "a much longer sentence that needs many more word pieces than the first one", "medium length text");
        float[][] together = minilm.encode(texts, 3, null);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = minilm.encode(List.of(texts.get(i))).clone()[0];
            for (int k = 0; k < alone.length; k++) assertEquals(alone[k], together[i][k], 2e-6, "text " + i + " dim " + k);
        }
    }

    @Test
    void batchesSideBySideEqualOneBatchAtATime() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 23; i++) texts.add("sentence number " + i + " " + "with words ".repeat(i % 7));
        float[][] sideBySide = minilm.encode(texts, 4, null);   // six batches: the pool runs whole batches on each thread
        List<String> reversed = new ArrayList<>(texts);
        java.util.Collections.reverse(reversed);
        float[][] back = minilm.encode(reversed, 4, null);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = minilm.encode(List.of(texts.get(i)))[0];   // one batch: every op spread over the threads
            for (int k = 0; k < alone.length; k++) assertEquals(alone[k], sideBySide[i][k], 2e-6, "text " + i + " dim " + k);
            assertArrayEquals(sideBySide[i], back[texts.size() - 1 - i], 2e-6f, "input order is kept");
        }
    }

    @Test
    void huggingFaceFolderLoadsTheSameWeights(@TempDir Path dir) throws Exception {
        // Write MiniLM as a Hugging Face folder (HF names, [out, in] weights, "bert." prefix and a pooler as in task checkpoints).
        List<WriteEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : minilm.model().stateDict().entrySet()) {
            long[] shape = java.util.Arrays.stream(e.getValue().shape()).asLongStream().toArray();
            entries.add(WriteEntry.ofFloats("bert." + e.getKey(), DType.F32, shape, e.getValue().toArray()));
        }
        entries.add(WriteEntry.ofFloats("bert.pooler.dense.bias", DType.F32, new long[] {384}, new float[384]));
        SafeTensors.write(dir.resolve("model.safetensors"), entries, Map.of("format", "pt"));
        Files.writeString(dir.resolve("config.json"), """
                {"architectures": ["BertModel"], "hidden_act": "gelu", "hidden_size": 384, "intermediate_size": 1536,
                 "layer_norm_eps": 1e-12, "max_position_embeddings": 512, "model_type": "bert", "num_attention_heads": 12,
                 "num_hidden_layers": 6, "type_vocab_size": 2, "vocab_size": 30522}""");
        Files.copy(BundledModel.MINILM.tokenizerJson(), dir.resolve("tokenizer.json"));
        BertEncoder hf = BertEncoder.load(dir.toString());
        List<String> texts = List.of("The cat sits on the mat.", "Ünïcödé and 中文 too!");
        float[][] a = minilm.encode(texts), b = hf.encode(texts);
        // Not bit-exact: the Vector API's exp runs as a JIT intrinsic once hot and as Math.exp before, an ulp apart.
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], 1e-6f);
        assertEquals(Pooling.MEAN, hf.pooling());

        Files.writeString(dir.resolve("config.json"), Files.readString(dir.resolve("config.json")).replace("\"num_attention_heads\": 12", "\"num_attention_heads\": 5"));
        var e = assertThrows(IllegalArgumentException.class, () -> BertEncoder.load(dir.toString()));
        assertEquals(dir.resolve("config.json") + ": bad BERT shape: hidden 384, layers 6, heads 5", e.getMessage());
    }

    @Test
    void longTextsAreCutAtMiniLmsMaxSeqLengthAndSaySo() {
        // sentence-transformers cuts all-MiniLM-L6-v2's inputs at 256 word pieces ([CLS] and [SEP] included), not at 512
        assertEquals(256, minilm.maxLength());
        String longText = "hello ".repeat(300), cut = "hello ".repeat(254);
        Embeddings e = minilm.embed(List.of("The cat sits on the mat.", longText, cut));
        assertEquals(1, e.truncatedCount());
        assertEquals(256, e.tokens()[1]);
        assertEquals(302, e.fullTokens()[1]);
        assertEquals(256, e.tokens()[2]);
        assertEquals(false, e.truncated(2), "exactly at the limit is not cut");
        assertArrayEquals(e.vectors()[2], e.vectors()[1], 1e-6f, "the model saw the first 254 pieces");
    }

    @Test
    void aModelFolderGivesItsLimitAsSentenceTransformersReadsIt(@TempDir Path dir) throws Exception {
        assertEquals(512, MaxSeqLength.of(dir, 512), "no file: the position table");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"model_max_length\": 1000000000000000019884624838656}");
        assertEquals(512, MaxSeqLength.of(dir, 512), "HF's 'no limit' is capped by the position table");
        Files.writeString(dir.resolve("sentence_bert_config.json"), "{\"max_seq_length\": 128, \"do_lower_case\": false}");
        assertEquals(128, MaxSeqLength.of(dir, 512));
        Files.writeString(dir.resolve("sentence_bert_config.json"), "{\"max_seq_length\": \"long\"}");
        var bad = assertThrows(IllegalArgumentException.class, () -> MaxSeqLength.of(dir, 512));
        assertEquals(dir.resolve("sentence_bert_config.json") + ": max_seq_length must be a whole number of tokens >= 3, got long", bad.getMessage());
    }

    @Test
    void clsPoolingTakesTheFirstState() {
        Tensor h = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        float[][] cls = Pooling.CLS.pool(h, new int[] {1, 1, 1, 0});
        float[][] mean = Pooling.MEAN.pool(h, new int[] {1, 1, 1, 0});
        assertArrayEquals(new float[] {1, 2}, cls[0]);
        assertArrayEquals(new float[] {5, 6}, cls[1]);
        assertArrayEquals(new float[] {2, 3}, mean[0]);
        assertArrayEquals(new float[] {5, 6}, mean[1], "the padded token is left out of the mean");
    }
}
