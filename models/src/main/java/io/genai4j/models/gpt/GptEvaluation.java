package io.genai4j.models.gpt;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.ops.F;

/**
 * Cross-entropy over a whole token stream (not random batches): the stream is cut into consecutive
 * windows of block_size inputs, window w predicting tokens w·T+1 .. w·T+T, so every token after the
 * first is predicted exactly once, with the context its window holds (as in training windows).
 */
public final class GptEvaluation {
    private GptEvaluation() {}

    /** Total nats over all predicted tokens, and how many were predicted. */
    public record Total(double nats, long tokens) {
        public double perToken() {
            return nats / tokens;
        }
    }

    public static Total total(Gpt model, int[] ids, int batch) {
        int t = model.config.blockSize();
        int predicted = ids.length - 1;
        int full = predicted / t;
        double nats = 0;
        model.eval();
        try (Grad g = Grad.off()) {
            for (int w = 0; w < full; w += batch) {
                nats += windows(model, ids, w, Math.min(batch, full - w), t);
            }
            int rest = predicted - full * t;
            if (rest > 0) nats += windows(model, ids, full, 1, rest);
        }
        return new Total(nats, predicted);
    }

    /** Summed loss of n consecutive windows of length len starting at window index first (stride T). */
    private static double windows(Gpt model, int[] ids, int first, int n, int len) {
        int t = model.config.blockSize();
        int[] x = new int[n * len], y = new int[n * len];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ids, (first + i) * t, x, i * len, len);
            System.arraycopy(ids, (first + i) * t + 1, y, i * len, len);
        }
        Tensor logits = model.logits(model.hidden(x, n, len, null, null));
        return F.crossEntropy(logits.reshape(n * len, model.config.vocabSize()), y).item() * (double) n * len;
    }
}
