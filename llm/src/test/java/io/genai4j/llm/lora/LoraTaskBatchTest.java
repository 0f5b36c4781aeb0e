package io.genai4j.llm.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The GPT scores a step's windows as one batch: same loss and adapter gradients as window by window. */
class LoraTaskBatchTest {
    @Test
    void batchedWindowsGiveTheLossAndGradientsOfOneAtATime() {
        Gpt gpt = new Gpt(new GptConfig(2, 2, 32, 16, 20, 0f, false), new Rng(1));
        gpt.eval();
        gpt.freeze();
        LoraAdapter adapter = LoraAdapter.wrap(gpt, new LoraConfig(2, 4, 0f, false, LoraTargets.parse("c_attn,c_fc"), "test"), new Rng(2));
        for (LoraLinear l : adapter.layers().values()) Init.uniform(l.loraB.weight, -0.1, 0.1, new Rng(3));
        // three windows of 16 tokens (one batch) and one of 9 (its own), some targets ignored
        Random r = new Random(4);
        List<TokenWindow> windows = new ArrayList<>();
        for (int len : new int[] {16, 9, 16, 16}) {
            int[] in = new int[len], tg = new int[len];
            for (int i = 0; i < len; i++) {
                in[i] = r.nextInt(20);
                tg[i] = i < 3 ? TokenWindow.IGNORED : r.nextInt(20);
            }
            windows.add(new TokenWindow(in, tg));
        }
        LoraTask.Scorer batched = LoraTask.of(gpt);
        LoraTask.Scorer oneByOne = batched::logits;   // only the one-window method: the default joins windows
        float[][] a = lossAndGrads(batched, gpt, adapter, windows), b = lossAndGrads(oneByOne, gpt, adapter, windows);
        assertEquals(b[0][0], a[0][0], 1e-5f * Math.abs(b[0][0]));
        for (int i = 1; i < a.length; i++) assertArrayEquals(b[i], a[i], 1e-5f, "gradient " + i);
    }

    private static float[][] lossAndGrads(LoraTask.Scorer scorer, Gpt gpt, LoraAdapter adapter, List<TokenWindow> windows) {
        LoraTask task = new LoraTask(scorer, adapter, windows, List.of(), windows.size(), 1e-3, 1);
        task.optimizer().zeroGrad();
        Tensor loss = task.loss(windows).loss();
        loss.backward();
        List<Tensor> params = adapter.parameters();
        float[][] out = new float[params.size() + 1][];
        out[0] = new float[] {loss.item()};
        for (int i = 0; i < params.size(); i++) out[i + 1] = params.get(i).grad().contiguous().toArray();
        return out;
    }
}
