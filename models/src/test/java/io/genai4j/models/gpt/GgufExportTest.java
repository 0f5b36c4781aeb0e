package io.genai4j.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.bpe.BpeTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `genai gpt export --gguf`: the exported file, loaded through the GGUF path, gives the training engine's logits. */
class GgufExportTest {
    @TempDir
    Path tmp;

    static final String TEXT = "First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.\n";

    private void roundTrip(Tokenizer tok, boolean bias) throws Exception {
        Gpt gpt = new Gpt(new GptConfig(2, 2, 32, 24, tok.vocabSize(), 0f, bias), new Rng(5));
        // Non-trivial norms and biases, so that a missing tensor would show.
        for (var e : gpt.namedParameters().entrySet()) {
            if (e.getKey().contains("ln_") || e.getKey().endsWith(".bias")) {
                float[] d = e.getValue().data();
                for (int i = 0; i < d.length; i++) d[i] += (i % 7 - 3) * 0.05f;
            }
        }
        Path dir = tmp.resolve(bias ? "ck-bias" : "ck");
        GptCheckpoint.save(dir, gpt, tok, Map.of());
        GptCheckpoint ck = GptCheckpoint.load(dir);
        Path gguf = dir.resolve("gpt.gguf");
        GgufExport.export(ck, gguf, DType.F32);
        int[] ids = java.util.Arrays.copyOf(tok.encode(TEXT), 20);
        try (LoadedModel m = ModelLoader.load(gguf); Grad g = Grad.off()) {
            ck.model().eval();
            float[] expected = ck.model().logits(ck.model().hidden(ids, 1, ids.length, null, null)).toArray();
            float[] actual = m.model().forward(ids, null, true).toArray();
            float diff = 0;
            for (int i = 0; i < expected.length; i++) diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
            System.out.printf("gpt export (%s, bias %s): max |logit diff| %.2e over %d positions%n", tok.kind(), bias, diff, ids.length);
            assertTrue(diff < 1e-4f, "GGUF logits differ from the training engine's by " + diff);
            assertArrayEquals(tok.encode(TEXT), m.tokenizer().encode(TEXT), "the GGUF vocabulary tokenizes like the checkpoint's tokenizer");
        }
    }

    @Test
    void charCheckpointRoundTrips() throws Exception {
        roundTrip(CharTokenizer.fit(TEXT), false);
    }

    @Test
    void bpeCheckpointWithBiasesRoundTrips() throws Exception {
        roundTrip(BpeTrainer.train(TEXT.repeat(4), 280, List.of("<|endoftext|>")), true);
    }
}
