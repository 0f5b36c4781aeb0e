package io.genai4j.models.sampling;

import java.util.HashMap;
import java.util.Map;

/**
 * Penalties that discourage repeating tokens, applied to the logits before sampling, over the last
 * {@code lastN} tokens of the context (all of it when lastN ≤ 0):
 * <pre>
 *   repetition (CTRL, Keskar et al. 2019; llama.cpp, Hugging Face):  z ← z / r if z > 0, else z · r   for seen tokens
 *   frequency and presence (OpenAI):                                 z ← z − count·f − [count > 0]·p
 * </pre>
 * repetition = 1 and frequency = presence = 0 leave the logits unchanged.
 */
public record Penalties(float repetition, float frequency, float presence, int lastN) {
    public static final Penalties NONE = new Penalties(1f, 0f, 0f, 64);

    public Penalties {
        if (!(repetition > 0f)) throw new IllegalArgumentException("repetition penalty must be > 0, got " + repetition);
        if (!Float.isFinite(frequency) || !Float.isFinite(presence)) throw new IllegalArgumentException("frequency and presence penalties must be finite");
    }

    public boolean isNone() {
        return repetition == 1f && frequency == 0f && presence == 0f;
    }

    /** Applies the penalties in place to logits[off, off+n) given the tokens so far. */
    public void apply(float[] logits, int off, int n, int[] history, int historyLength) {
        if (isNone() || historyLength == 0) return;
        int from = lastN > 0 ? Math.max(0, historyLength - lastN) : 0;
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = from; i < historyLength; i++) {
            int id = history[i];
            if (id >= 0 && id < n) counts.merge(id, 1, Integer::sum);
        }
        for (var e : counts.entrySet()) {
            int i = off + e.getKey();
            float z = logits[i];
            z = z > 0 ? z / repetition : z * repetition;
            z -= e.getValue() * frequency + presence;
            logits[i] = z;
        }
    }
}
