package io.genai4j.models.rnn;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.sampling.LogitsSampler;
import java.util.function.IntConsumer;

/** Scoring a text character by character with a carried state, and sampling. */
public final class CharRnnEvaluation {
    private CharRnnEvaluation() {}

    /**
     * Mean −log p(x_i | x_&lt;i) in nats over every character of {@code text}. The text is read as
     * {@code streams} contiguous pieces side by side (the state carried across chunks of 256), each
     * piece starting from an empty memory; {@code before} is the character preceding the text (the
     * input that predicts its first character).
     */
    public static double natsPerChar(CharRnn model, int before, int[] text, int streams) {
        model.eval();
        int n = text.length;
        int[] in = new int[n];
        in[0] = before;
        System.arraycopy(text, 0, in, 1, n - 1);
        int len = n / streams;
        double total = 0;
        try (Grad g = Grad.off()) {
            if (len > 0) total += score(model, in, text, 0, streams, len);
            int rest = n - streams * len;
            if (rest > 0) total += score(model, in, text, streams * len, 1, rest);
        }
        model.train(true);
        return total / n;
    }

    /** Summed NLL of b side-by-side pieces of length len starting at offset. */
    private static double score(CharRnn model, int[] in, int[] target, int offset, int b, int len) {
        final int chunk = 256;
        CharRnn.State state = null;
        double sum = 0;
        for (int at = 0; at < len; at += chunk) {
            int t = Math.min(chunk, len - at);
            int[] x = new int[b * t], y = new int[b * t];
            for (int i = 0; i < b; i++) {
                System.arraycopy(in, offset + i * len + at, x, i * t, t);
                System.arraycopy(target, offset + i * len + at, y, i * t, t);
            }
            CharRnn.Output o = model.forward(x, b, t, state);
            sum += CharRnn.loss(o, y).item() * (double) b * t;
            state = o.state();
        }
        return sum;
    }

    /** n characters sampled after a prompt (ids), at a temperature, seeded. */
    public static int[] sample(CharRnn model, int[] prompt, int n, float temperature, long seed) {
        return sample(model, prompt, n, temperature, seed, null);
    }

    /** The same, handing each character's id to {@code onChar} as soon as it is drawn (null: nobody listens). */
    public static int[] sample(CharRnn model, int[] prompt, int n, float temperature, long seed, IntConsumer onChar) {
        if (prompt.length == 0) throw new IllegalArgumentException("sampling needs a prompt of at least one character");
        model.eval();
        LogitsSampler sampler = new LogitsSampler(temperature, 0, 1f, seed);
        int[] out = new int[n];
        try (Grad g = Grad.off()) {
            CharRnn.Output o = model.forward(prompt, 1, prompt.length, null);
            for (int i = 0; i < n; i++) {
                Tensor last = o.logits().select(1, o.logits().size(1) - 1).contiguous();
                out[i] = sampler.sample(last.data(), last.offset(), last.size(-1));
                if (onChar != null) onChar.accept(out[i]);
                o = model.forward(new int[] {out[i]}, 1, 1, o.state());
            }
        }
        model.train(true);
        return out;
    }
}
