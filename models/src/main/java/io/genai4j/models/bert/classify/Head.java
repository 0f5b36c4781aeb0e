package io.genai4j.models.bert.classify;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;
import java.util.Map;

/**
 * The trainable part on top of a frozen encoder: features of a batch of sentences → class logits
 * [B, classes]. Only a head's parameters are trained; the encoder's features come from a cache.
 */
public abstract class Head extends Module {
    /** "linear", "mlp" or "gru": the name in checkpoints and on the command line. */
    public abstract String kind();

    /** Whether the head reads token states (else the pooled vector). */
    public abstract boolean needsTokens();

    /** Logits for the sentences at the given indices of f. */
    public abstract Tensor logits(Features f, int[] rows);

    /** Hyper-parameters that rebuild this head's shape (saved with its weights). */
    public abstract Map<String, String> shape();

    /** Pooled vectors of the given rows as [B, H]. */
    static Tensor pooled(Features f, int[] rows) {
        int h = f.hidden();
        float[] x = new float[rows.length * h];
        for (int i = 0; i < rows.length; i++) System.arraycopy(f.pooled()[rows[i]], 0, x, i * h, h);
        return Tensor.of(x, rows.length, h);
    }
}
