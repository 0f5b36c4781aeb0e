package io.genai4j.text.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corpus BLEU (Papineni et al. 2002) as sacreBLEU computes it by default: 13a tokenization, one
 * reference per sentence, n-grams up to 4, counts pooled over the whole corpus (not an average of
 * sentence scores), "exp" smoothing of zero counts:
 * <pre>
 *   p_n  = Σ_s Σ_g min(count_hyp(g), count_ref(g)) / Σ_s (|hyp_s| − n + 1)      (clipped precision)
 *   BP   = 1 if c > r else exp(1 − r/c)        c = Σ|hyp|, r = Σ|ref|               (brevity penalty)
 *   BLEU = 100 · BP · exp(¼ Σ_{n=1..4} log p_n)
 * </pre>
 * A zero match count for order n is replaced by 1/(2^k · total_n), k = 1, 2, ... for each such
 * order in turn (sacreBLEU's "exp" smoothing); an order with no n-grams at all scores 0.
 */
public final class Bleu {
    public static final int MAX_ORDER = 4;

    /** The score and everything it was computed from, as sacreBLEU prints it. */
    public record Score(double bleu, double[] precisions, double brevityPenalty, long hypLength, long refLength,
                        long[] matches, long[] totals) {
        public double ratio() {
            return refLength == 0 ? 0 : (double) hypLength / refLength;
        }

        /** "BLEU = 25.31 58.1/31.6/19.2/12.0 (BP = 0.984 ratio = 0.984 hyp_len = 1234 ref_len = 1254)". */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
                    bleu, precisions[0], precisions[1], precisions[2], precisions[3], brevityPenalty, ratio(), hypLength, refLength);
        }
    }

    private final long[] matches = new long[MAX_ORDER], totals = new long[MAX_ORDER];
    private long hypLength, refLength;

    /** Adds one sentence pair (detokenized text; tokenized here with 13a). */
    public Bleu add(String hypothesis, String reference) {
        return addTokens(Tokenizer13a.tokenize(hypothesis), Tokenizer13a.tokenize(reference));
    }

    /** Adds one already tokenized pair. */
    public Bleu addTokens(List<String> hyp, List<String> ref) {
        hypLength += hyp.size();
        refLength += ref.size();
        for (int n = 1; n <= MAX_ORDER; n++) {
            Map<List<String>, Integer> refCounts = counts(ref, n);
            Map<List<String>, Integer> hypCounts = counts(hyp, n);
            for (var e : hypCounts.entrySet()) matches[n - 1] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
            totals[n - 1] += Math.max(0, hyp.size() - n + 1);
        }
        return this;
    }

    static Map<List<String>, Integer> counts(List<String> tokens, int n) {
        Map<List<String>, Integer> m = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) m.merge(tokens.subList(i, i + n), 1, Integer::sum);
        return m;
    }

    public Score score() {
        double[] precisions = new double[MAX_ORDER];
        double logSum = 0;
        double smooth = 1;
        boolean zero = false;
        for (int n = 0; n < MAX_ORDER; n++) {
            if (totals[n] == 0) {
                zero = true;
                break;
            }
            if (matches[n] == 0) {
                smooth *= 2;
                precisions[n] = 100.0 / (smooth * totals[n]);
            } else {
                precisions[n] = 100.0 * matches[n] / totals[n];
            }
            logSum += Math.log(precisions[n] / 100.0);
        }
        double bp = hypLength == 0 ? 0 : hypLength >= refLength ? 1 : Math.exp(1 - (double) refLength / hypLength);
        double bleu = zero || hypLength == 0 ? 0 : 100 * bp * Math.exp(logSum / MAX_ORDER);
        return new Score(bleu, precisions, bp, hypLength, refLength, matches.clone(), totals.clone());
    }

    /** Corpus BLEU of parallel lists of hypotheses and references. */
    public static Score corpus(List<String> hypotheses, List<String> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size() + " references");
        }
        Bleu b = new Bleu();
        for (int i = 0; i < hypotheses.size(); i++) b.add(hypotheses.get(i), references.get(i));
        return b.score();
    }
}
