package io.genai4j.models.ngram;

import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A trained n-gram language model: a tokenizer, the counts of every n-gram up to its order, and the
 * name and fingerprint of the text it was trained on. Smoothing is chosen when the model is used
 * ({@link #smoothed}), since all three smoothings read the same counts.
 */
public final class NgramModel {
    private final Unit unit;
    private final Tokenizer tokenizer;
    private final NgramCounts counts;
    private final String corpusName;
    private final String trainFingerprint;

    NgramModel(Unit unit, Tokenizer tokenizer, NgramCounts counts, String corpusName, String trainFingerprint) {
        this.unit = unit;
        this.tokenizer = tokenizer;
        this.counts = counts;
        this.corpusName = corpusName;
        this.trainFingerprint = trainFingerprint;
    }

    /** Counts all n-grams of orders 1..order in the corpus's training split. */
    public static NgramModel train(Corpus corpus, Unit unit, int order) {
        Corpus.Split split = corpus.split();
        Tokenizer tok = unit.fitTokenizer(corpus, split);
        int[] ids = tok.encode(split.train());
        if (ids.length == 0) throw new IllegalArgumentException("corpus " + corpus.name() + " has no " + unit.cliName() + "s to train on");
        NgramCounts counts = NgramCounter.count(ids, order, tok.vocabSize());
        return new NgramModel(unit, tok, counts, corpus.name(), Corpus.fingerprint(split.train()));
    }

    public Unit unit() {
        return unit;
    }

    public int order() {
        return counts.maxOrder;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public NgramCounts counts() {
        return counts;
    }

    public String corpusName() {
        return corpusName;
    }

    public String trainFingerprint() {
        return trainFingerprint;
    }

    /** The smoothed distribution at {@code order} (at most the counted order). */
    public LanguageModel smoothed(Smoothing smoothing, int order, Smoothing.Params params) {
        if (order < 1 || order > counts.maxOrder) {
            throw new IllegalArgumentException("order " + order + " is not available: this model counted orders 1.." + counts.maxOrder);
        }
        return smoothing.build(counts, order, params);
    }

    /** Encodes text the model must know exactly (a context or prompt): unknown words are an error. */
    public int[] encodeKnown(String text) {
        if (tokenizer instanceof WordTokenizer w) {
            Set<String> unknown = new LinkedHashSet<>();
            for (String p : WordTokenizer.split(text)) if (w.idOf(p) < 0) unknown.add(p);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("not in the training vocabulary of " + corpusName + ": "
                        + String.join(", ", unknown.stream().map(s -> "'" + Tokenizer.visible(s) + "'").toList()));
            }
        }
        return tokenizer.encode(text);
    }

    /** Ids of text to score, with unknown words mapped to {@code <unk>}, and those words. */
    public record Scored(int[] ids, List<String> unknown) {}

    public Scored encodeForScoring(String text) {
        List<String> unknown = new ArrayList<>();
        if (tokenizer instanceof WordTokenizer w) {
            for (String p : WordTokenizer.split(text)) if (w.idOf(p) < 0) unknown.add(p);
        }
        return new Scored(tokenizer.encode(text), unknown);
    }

    /** The id of a line break, or -1: a line start is the natural "beginning of sentence" in a play. */
    int lineBreakId() {
        return switch (tokenizer) {
            case CharTokenizer c -> c.idOf('\n');
            case WordTokenizer w -> w.idOf("\n");
            default -> -1;
        };
    }

    /** ln P(text) as a line of its own: each token given the ones before it, after a line break. */
    public double logProb(LanguageModel lm, int[] textIds) {
        int nl = lineBreakId();
        int[] seq = textIds;
        int start = 0;
        if (nl >= 0) {
            seq = new int[textIds.length + 1];
            seq[0] = nl;
            System.arraycopy(textIds, 0, seq, 1, textIds.length);
            start = 1;
        }
        double lp = 0;
        for (int i = start; i < seq.length; i++) lp += lm.logProb(seq, i);
        return lp;
    }

    /** The k most likely next tokens after {@code context} (unknown words in the context are an error). */
    public List<NextToken> next(LanguageModel lm, String context, int k) {
        int[] ids = withLineStart(encodeKnown(context));
        double[] p = new double[lm.vocabSize()];
        lm.distribution(ids, ids.length, p);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        List<NextToken> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, p.length); i++) out.add(new NextToken(tokenizer.display(order[i]), order[i], p[order[i]]));
        return out;
    }

    private int[] withLineStart(int[] ids) {
        int nl = lineBreakId();
        if (nl < 0) return ids;
        int[] seq = new int[ids.length + 1];
        seq[0] = nl;
        System.arraycopy(ids, 0, seq, 1, ids.length);
        return seq;
    }

    /** Generated text: the prompt and what followed, and just the new tokens' ids. */
    public record Generation(String text, int[] newIds) {}

    /** Samples {@code tokens} tokens after {@code prompt} (after a line start when the prompt is empty). */
    public Generation generate(LanguageModel lm, String prompt, int tokens, Sampler sampler) {
        return generate(lm, prompt, tokens, sampler, null);
    }

    /** The same, handing each new token's id to {@code onToken} as soon as it is drawn (null: nobody listens). */
    public Generation generate(LanguageModel lm, String prompt, int tokens, Sampler sampler, IntConsumer onToken) {
        if (tokens < 0) throw new IllegalArgumentException("number of tokens must be >= 0, got " + tokens);
        int[] promptIds = encodeKnown(prompt);
        int[] context = promptIds.length == 0 ? withLineStart(promptIds) : promptIds;
        int[] seq = Arrays.copyOf(context, context.length + tokens);
        double[] p = new double[lm.vocabSize()];
        for (int i = context.length; i < seq.length; i++) {
            lm.distribution(seq, i, p);
            seq[i] = sampler.sample(p, p.length);
            if (onToken != null) onToken.accept(seq[i]);
        }
        int[] newIds = Arrays.copyOfRange(seq, context.length, seq.length);
        int[] shown = Arrays.copyOf(promptIds, promptIds.length + tokens);
        System.arraycopy(newIds, 0, shown, promptIds.length, tokens);
        return new Generation(tokenizer.decode(shown), newIds);
    }

    /** Cross-entropy on a held-out text (unknown words count as {@code <unk>}). */
    public Evaluation evaluate(LanguageModel lm, String text) {
        Scored s = encodeForScoring(text);
        return Evaluation.of(lm, s.ids(), Corpus.characters(text), s.unknown().size());
    }

    /** Distinct n-grams of orders 1..order: the model's size in table entries. */
    public long size(int order) {
        return counts.ngrams(order);
    }
}
