package io.genai4j.models.captioner;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy and beam decoding of the captioner. No KV cache: texts are at most {@code max_text}
 * tokens, so each step reruns the decoder over the image tokens and the text so far (the image
 * encoder runs once per image).
 */
public final class CaptionDecoder {
    private CaptionDecoder() {}

    /**
     * Greedy continuations of one prompt per image (prompts may differ in length): at each step
     * every unfinished row appends its most likely next word, until EOS or max_text tokens. Returns
     * the generated ids per row, EOS excluded.
     */
    public static List<int[]> greedy(Git model, Tensor images, List<int[]> prompts) {
        int b = prompts.size(), cap = model.config.maxText();
        int[] len = new int[b];
        int[][] seq = new int[b][cap];
        boolean[] done = new boolean[b];
        for (int r = 0; r < b; r++) {
            System.arraycopy(prompts.get(r), 0, seq[r], 0, prompts.get(r).length);
            len[r] = prompts.get(r).length;
        }
        int[] start = len.clone();
        try (var g = Grad.off()) {
            Tensor image = model.imageTokens(images);
            while (true) {
                int t = 0;
                boolean open = false;
                for (int r = 0; r < b; r++) {
                    t = Math.max(t, len[r]);
                    open |= !done[r] && len[r] < cap;
                }
                if (!open) break;
                int[] ids = new int[b * t];
                for (int r = 0; r < b; r++) System.arraycopy(seq[r], 0, ids, r * t, t);
                float[] logits = model.forward(image, ids, b, t, false).logits().contiguous().toArray();
                int v = model.config.vocab();
                for (int r = 0; r < b; r++) {
                    if (done[r] || len[r] >= cap) continue;
                    int best = argmax(logits, (r * t + len[r] - 1) * v, v);
                    if (best == CaptionVocabulary.EOS) done[r] = true;
                    else seq[r][len[r]++] = best;
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int r = 0; r < b; r++) out.add(Arrays.copyOfRange(seq[r], start[r], len[r]));
        return out;
    }

    /**
     * Beam search for one image [1, 3, S, S]: keeps the {@code width} best partial texts by summed
     * log-probability; a text ends when it emits EOS. The result is the finished text with the best
     * mean log-probability per generated token (EOS counted), so longer captions are not penalised
     * just for having more terms.
     */
    public static int[] beam(Git model, Tensor image, int[] prompt, int width) {
        if (width < 1) throw new IllegalArgumentException("--beam must be >= 1, got " + width);
        record Hyp(int[] ids, double logProb) {}
        int cap = model.config.maxText(), v = model.config.vocab(), p = prompt.length;
        List<Hyp> beams = List.of(new Hyp(prompt, 0));
        List<Hyp> finished = new ArrayList<>();
        try (var g = Grad.off()) {
            Tensor tokens = model.imageTokens(image);
            while (!beams.isEmpty() && finished.size() < width) {
                int b = beams.size(), t = beams.getFirst().ids().length;
                int[] ids = new int[b * t];
                for (int r = 0; r < b; r++) System.arraycopy(beams.get(r).ids(), 0, ids, r * t, t);
                Tensor imgs = tokens.expand(b, tokens.size(1), tokens.size(2));
                float[] logits = model.forward(imgs, ids, b, t, false).logits().contiguous().toArray();
                List<Hyp> next = new ArrayList<>();
                for (int r = 0; r < b; r++) {
                    double[] lp = logSoftmax(logits, (r * t + t - 1) * v, v);
                    for (int w = 0; w < v; w++) {
                        if (w == CaptionVocabulary.PAD || w == CaptionVocabulary.BOS) continue;
                        int[] ext = Arrays.copyOf(beams.get(r).ids(), t + 1);
                        ext[t] = w;
                        next.add(new Hyp(ext, beams.get(r).logProb() + lp[w]));
                    }
                }
                next.sort(Comparator.comparingDouble(h -> -h.logProb()));
                List<Hyp> keep = new ArrayList<>();
                for (Hyp h : next) {
                    if (keep.size() == width) break;
                    boolean ends = h.ids()[t] == CaptionVocabulary.EOS || h.ids().length >= cap;
                    if (ends) finished.add(h);
                    else keep.add(h);
                }
                beams = keep;
            }
        }
        Hyp best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Hyp h : finished) {
            double score = h.logProb() / (h.ids().length - p);
            if (score > bestScore) {
                bestScore = score;
                best = h;
            }
        }
        int[] ids = best.ids();
        int end = ids[ids.length - 1] == CaptionVocabulary.EOS ? ids.length - 1 : ids.length;
        return Arrays.copyOfRange(ids, p, end);
    }

    private static int argmax(float[] a, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (a[off + i] > a[off + best]) best = i;
        return best;
    }

    private static double[] logSoftmax(float[] a, int off, int n) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, a[off + i]);
        for (int i = 0; i < n; i++) sum += Math.exp(a[off + i] - max);
        double log = max + Math.log(sum);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = a[off + i] - log;
        return out;
    }
}
