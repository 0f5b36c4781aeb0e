package io.genai4j.models.captioner;

import java.util.Arrays;
import java.util.List;

/**
 * One training text for the decoder: input ids and, at each position, the next word to predict or
 * {@link #IGNORE} where no loss is taken. A caption is [BOS] words → words [EOS] with every
 * position counted; a question is [BOS] question answer → ... answer [EOS] with the loss on the
 * answer and EOS only (GIT's VQA fine-tuning: the question is a prefix, not a target).
 */
public record TextExample(int[] input, int[] target) {
    public static final int IGNORE = -1;

    public static TextExample caption(CaptionVocabulary v, String caption) {
        int[] words = v.encode(caption);
        return of(new int[0], words);
    }

    public static TextExample question(CaptionVocabulary v, QuestionAnswer qa) {
        return of(v.encode(qa.question()), v.encode(qa.answer()));
    }

    /** [BOS] prefix continuation [EOS], loss on the continuation and EOS. */
    private static TextExample of(int[] prefix, int[] continuation) {
        int n = 1 + prefix.length + continuation.length;                  // inputs: BOS, prefix, continuation
        int[] input = new int[n], target = new int[n];
        input[0] = CaptionVocabulary.BOS;
        System.arraycopy(prefix, 0, input, 1, prefix.length);
        System.arraycopy(continuation, 0, input, 1 + prefix.length, continuation.length);
        Arrays.fill(target, IGNORE);
        for (int i = 0; i < continuation.length; i++) target[prefix.length + i] = continuation[i];
        target[n - 1] = CaptionVocabulary.EOS;
        return new TextExample(input, target);
    }

    /** The prompt a decoder continues: [BOS] prefix. */
    public static int[] prompt(CaptionVocabulary v, String prefix) {
        int[] p = prefix.isBlank() ? new int[0] : v.encode(prefix);
        int[] out = new int[p.length + 1];
        out[0] = CaptionVocabulary.BOS;
        System.arraycopy(p, 0, out, 1, p.length);
        return out;
    }

    /** Inputs padded with PAD and targets with IGNORE to the longest example, row-major [B, T]. */
    public record Batch(int[] input, int[] target, int rows, int length) {}

    public static Batch pad(List<TextExample> examples) {
        int t = 0;
        for (TextExample e : examples) t = Math.max(t, e.input().length);
        int[] in = new int[examples.size() * t], tg = new int[examples.size() * t];
        Arrays.fill(in, CaptionVocabulary.PAD);
        Arrays.fill(tg, IGNORE);
        for (int r = 0; r < examples.size(); r++) {
            TextExample e = examples.get(r);
            System.arraycopy(e.input(), 0, in, r * t, e.input().length);
            System.arraycopy(e.target(), 0, tg, r * t, e.target().length);
        }
        return new Batch(in, tg, examples.size(), t);
    }
}
