package io.genai4j.models.translation;

import io.genai4j.engine.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A padded batch of B pairs for teacher forcing:
 * <pre>
 *   src     [B, S]  x_1 .. x_n &lt;/s&gt; &lt;pad&gt;...
 *   tgtIn   [B, T]  &lt;s&gt; y_1 .. y_m &lt;pad&gt;...     (what the decoder reads)
 *   tgtOut  [B, T]  y_1 .. y_m &lt;/s&gt; &lt;pad&gt;...    (what it must predict; pads are ignored)
 * </pre>
 * Ids are flat row-major int arrays, as {@link io.genai4j.engine.ops.F#embedding} takes them.
 */
public record Batch(int b, int s, int t, int[] src, int[] srcLengths, int[] tgtIn, int[] tgtOut, int pad, int targetTokens) {

    public static Batch of(List<int[]> sources, List<int[]> targets, SharedVocab v) {
        int b = sources.size();
        int s = 0, t = 0, tokens = 0;
        for (int[] x : sources) s = Math.max(s, x.length);
        for (int[] y : targets) t = Math.max(t, y.length);   // y ends with </s>; tgtIn = <s> + y without </s>
        int[] src = new int[b * s], lens = new int[b], in = new int[b * t], out = new int[b * t];
        Arrays.fill(src, v.pad);
        Arrays.fill(in, v.pad);
        Arrays.fill(out, v.pad);
        for (int i = 0; i < b; i++) {
            int[] x = sources.get(i), y = targets.get(i);
            System.arraycopy(x, 0, src, i * s, x.length);
            lens[i] = x.length;
            in[i * t] = v.bos;
            System.arraycopy(y, 0, in, i * t + 1, y.length - 1);
            System.arraycopy(y, 0, out, i * t, y.length);
            tokens += y.length;
        }
        return new Batch(b, s, t, src, lens, in, out, v.pad, tokens);
    }

    /** [B, S] with 1 at padded source positions (attention key padding). */
    public Tensor srcPadding() {
        float[] m = new float[b * s];
        for (int i = 0; i < b; i++) for (int j = srcLengths[i]; j < s; j++) m[i * s + j] = 1f;
        return Tensor.of(m, b, s);
    }

    /** [B, S] with 1 at real source positions (recurrent step mask). */
    public Tensor srcMask() {
        float[] m = new float[b * s];
        for (int i = 0; i < b; i++) for (int j = 0; j < srcLengths[i]; j++) m[i * s + j] = 1f;
        return Tensor.of(m, b, s);
    }
}
