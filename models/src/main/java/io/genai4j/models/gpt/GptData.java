package io.genai4j.models.gpt;

import io.genai4j.engine.Rng;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import io.genai4j.text.Tokenizer;

/**
 * Token ids of nanoGPT's split (first 90% train, last 10% val) and batches drawn from them as
 * nanoGPT's get_batch does: B random windows of T+1 tokens, inputs x = w[0..T), targets y = w[1..T].
 */
public record GptData(Tokenizer tokenizer, int[] train, int[] val) {

    /** Character-level: the vocabulary is every character of the whole corpus (shakespeare_char). */
    public static GptData chars(Corpus corpus) {
        CharTokenizer tok = CharTokenizer.fit(corpus.text());
        return of(corpus, tok);
    }

    /** Any tokenizer over the corpus split. */
    public static GptData of(Corpus corpus, Tokenizer tok) {
        Corpus.Split s = corpus.split();
        return new GptData(tok, tok.encode(s.train()), tok.encode(s.val()));
    }

    public int[] split(boolean val) {
        return val ? this.val : this.train;
    }

    /** One batch: {x, y}, each B×T ids row-major. */
    public int[][] batch(boolean val, int b, int t, Rng rng) {
        int[] data = split(val);
        if (data.length <= t) {
            throw new IllegalArgumentException((val ? "validation" : "training") + " split has " + data.length
                    + " tokens, fewer than block_size + 1 = " + (t + 1));
        }
        int[] x = new int[b * t], y = new int[b * t];
        for (int i = 0; i < b; i++) {
            int start = rng.nextInt(data.length - t);
            System.arraycopy(data, start, x, i * t, t);
            System.arraycopy(data, start + 1, y, i * t, t);
        }
        return new int[][] {x, y};
    }
}
