package io.genai4j.models.captioner;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import java.util.List;

/**
 * Where the decoder looked when it wrote each word: the attention from the text position that
 * predicted the word to each image patch, averaged over heads and decoder layers, as a map over the
 * patch grid. (The rest of each row's weight went to earlier text tokens; the maps are not
 * renormalised, so a word written mostly from the text so far shows a faint map.)
 */
public final class WordAttention {
    private WordAttention() {}

    /** maps[j][gy][gx] for generated word j, given the prompt ([BOS] or [BOS] question) and the generated ids (no EOS). */
    public static float[][][] maps(Git model, Tensor image, int[] prompt, int[] generated) {
        int n = model.config.imageTokens(), grid = model.config.grid(), p = prompt.length;
        int t = p + generated.length;
        int[] ids = new int[t];
        System.arraycopy(prompt, 0, ids, 0, p);
        System.arraycopy(generated, 0, ids, p, generated.length);
        List<Tensor> layers;
        try (var g = Grad.off()) {
            layers = model.forward(model.imageTokens(image), ids, 1, t, true).textAttention();
        }
        float[][][] maps = new float[generated.length][grid][grid];
        for (Tensor w : layers) {                                        // [1, heads, t, n + t]
            int heads = w.size(1), keys = w.size(3);
            float[] a = w.contiguous().toArray();
            float share = 1f / (heads * layers.size());
            for (int j = 0; j < generated.length; j++) {
                int row = p - 1 + j;                                     // this position predicted word j
                for (int h = 0; h < heads; h++) {
                    int off = (h * t + row) * keys;
                    for (int k = 0; k < n; k++) maps[j][k / grid][k % grid] += a[off + k] * share;
                }
            }
        }
        return maps;
    }
}
