package io.genai4j.text.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIDEr-D (Vedantam, Zitnick and Parikh 2015, "CIDEr: Consensus-based Image Description
 * Evaluation", §3 and the -D variant of §5), as the coco-caption code computes it:
 * <pre>
 *   g_k(s) = tf_k(s) · log(|I| / max(1, df_k))        TF-IDF of n-gram k; df_k = images whose references contain k
 *   CIDEr-D_n(c, S) = 10/m · Σ_j  e^{−(l(c)−l(s_j))²/(2σ²)} · Σ_k min(g_k(c), g_k(s_j))·g_k(s_j) / (‖g(c)‖·‖g(s_j)‖)
 *   CIDEr-D(c, S) = ¼ Σ_{n=1..4} CIDEr-D_n(c, S)             σ = 6, l = length in words
 * </pre>
 * The candidate's counts are clipped by the reference's (the min), the Gaussian penalises length
 * differences, and the ×10 puts scores on the paper's scale; the corpus score is the mean over
 * images. Texts come already tokenized (coco-caption lower-cases and strips punctuation first).
 */
public final class CiderD {
    public static final int MAX_ORDER = 4;
    public static final double SIGMA = 6;

    /** The corpus score and each image's. */
    public record Score(double cider, double[] perImage) {}

    private CiderD() {}

    /** candidates.get(i) is the tokenized caption of image i, references.get(i) its tokenized references. */
    public static Score score(List<List<String>> candidates, List<List<List<String>>> references) {
        if (candidates.size() != references.size() || candidates.isEmpty()) {
            throw new IllegalArgumentException("CIDEr-D needs one candidate per image and at least one image, got " + candidates.size() + " candidates for " + references.size() + " images");
        }
        Map<List<String>, Integer> df = new HashMap<>();
        for (List<List<String>> refs : references) {
            Set<List<String>> seen = new HashSet<>();
            for (List<String> r : refs) for (int n = 1; n <= MAX_ORDER; n++) seen.addAll(Bleu.counts(r, n).keySet());
            for (List<String> g : seen) df.merge(g, 1, Integer::sum);
        }
        double logImages = Math.log(references.size());
        double[] per = new double[candidates.size()];
        double sum = 0;
        for (int i = 0; i < per.length; i++) {
            List<List<String>> refs = references.get(i);
            if (refs.isEmpty()) throw new IllegalArgumentException("image " + i + " has no reference caption");
            Vec c = new Vec(candidates.get(i), df, logImages);
            double[] byOrder = new double[MAX_ORDER];
            for (List<String> r : refs) {
                Vec s = new Vec(r, df, logImages);
                double delta = c.length - s.length, penalty = Math.exp(-delta * delta / (2 * SIGMA * SIGMA));
                for (int n = 0; n < MAX_ORDER; n++) {
                    double dot = 0;
                    for (var e : c.g.get(n).entrySet()) {
                        double ref = s.g.get(n).getOrDefault(e.getKey(), 0.0);
                        dot += Math.min(e.getValue(), ref) * ref;
                    }
                    if (c.norm[n] != 0 && s.norm[n] != 0) dot /= c.norm[n] * s.norm[n];
                    byOrder[n] += dot * penalty;
                }
            }
            double mean = 0;
            for (double v : byOrder) mean += v / MAX_ORDER;
            per[i] = 10 * mean / refs.size();
            sum += per[i];
        }
        return new Score(sum / per.length, per);
    }

    /** A text's TF-IDF vectors g per order, their norms and its length. */
    private static final class Vec {
        final List<Map<List<String>, Double>> g = new ArrayList<>();
        final double[] norm = new double[MAX_ORDER];
        final int length;

        Vec(List<String> words, Map<List<String>, Integer> df, double logImages) {
            length = words.size();
            for (int n = 1; n <= MAX_ORDER; n++) {
                Map<List<String>, Double> v = new HashMap<>();
                double sq = 0;
                for (var e : Bleu.counts(words, n).entrySet()) {
                    double w = e.getValue() * (logImages - Math.log(Math.max(1, df.getOrDefault(e.getKey(), 0))));
                    v.put(e.getKey(), w);
                    sq += w * w;
                }
                g.add(v);
                norm[n - 1] = Math.sqrt(sq);
            }
        }
    }
}
