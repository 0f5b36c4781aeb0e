package io.genai4j.models.translation;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turning a decoder into target sentences. Greedy decoding takes the most likely token at each step
 * (a whole batch of sentences at once); beam search keeps the k best partial translations by total
 * log-probability, so a word that looked second-best can still win when what follows fits better.
 */
public final class Decoding {
    private Decoding() {}

    /** A translation: its token ids (without {@code </s>}), score, and attention rows [target step][source position]. */
    public record Hypothesis(int[] ids, double logProb, float[][] attention) {}

    /** Target length limit for a source of n tokens: 1.5n + 10, capped by the model. */
    public static int maxLength(TranslationModel model, int sourceLength) {
        return Math.min(model.maxTargetLength(), (int) (1.5 * sourceLength) + 10);
    }

    /** Greedy decoding of a batch; every sentence stops at its {@code </s>} or its length limit. */
    public static List<Hypothesis> greedy(TranslationModel model, SharedVocab v, int[][] sources) {
        try (Grad g = Grad.off()) {
            int n = sources.length, longest = 0;
            int[] limit = new int[n];
            for (int i = 0; i < n; i++) {
                limit[i] = maxLength(model, sources[i].length);
                longest = Math.max(longest, limit[i]);
            }
            DecoderState state = model.start(sources);
            List<List<Integer>> out = new ArrayList<>();
            List<List<float[]>> att = new ArrayList<>();
            double[] score = new double[n];
            boolean[] done = new boolean[n];
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
                att.add(new ArrayList<>());
            }
            int[] tokens = new int[n];
            Arrays.fill(tokens, v.bos);
            for (int t = 0; t < longest; t++) {
                DecoderState.Step s = state.step(tokens);
                int[] best = s.logProbs().argmax();
                float[] lp = s.logProbs().contiguous().toArray();
                int vocab = s.logProbs().size(-1);
                boolean all = true;
                for (int i = 0; i < n; i++) {
                    if (done[i]) {
                        tokens[i] = v.eos;
                        continue;
                    }
                    score[i] += lp[i * vocab + best[i]];
                    if (s.attention() != null) att.get(i).add(s.attention()[i]);
                    if (best[i] == v.eos || t + 1 >= limit[i]) done[i] = true;
                    if (best[i] != v.eos) out.get(i).add(best[i]);
                    tokens[i] = best[i];
                    all &= done[i];
                }
                if (all) break;
            }
            List<Hypothesis> hyps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                hyps.add(new Hypothesis(out.get(i).stream().mapToInt(Integer::intValue).toArray(), score[i], att.get(i).toArray(float[][]::new)));
            }
            return hyps;
        }
    }

    /**
     * Beam search for one source sentence with k beams. Each step extends every live hypothesis by
     * every token, keeps the k best by total log-probability, and sets aside those that end with
     * {@code </s>}; it stops when k are finished or no live hypothesis can beat the best finished one
     * (log-probabilities only fall). The winner maximises logP / length^α (α = lengthPenalty; 0 = raw
     * log-probability). With k = 1 this is exactly greedy decoding.
     */
    public static Hypothesis beam(TranslationModel model, SharedVocab v, int[] source, int k, double lengthPenalty) {
        if (k < 1) throw new IllegalArgumentException("beam size must be >= 1, got " + k);
        try (Grad g = Grad.off()) {
            int limit = maxLength(model, source.length);
            DecoderState state = model.start(new int[][] {source});
            List<Beam> live = List.of(new Beam(new int[0], 0, new float[0][], v.bos));
            List<Beam> finished = new ArrayList<>();
            for (int t = 0; t < limit && !live.isEmpty(); t++) {
                int[] last = live.stream().mapToInt(Beam::last).toArray();
                DecoderState.Step s = state.step(last);
                Tensor lp = s.logProbs();
                int vocab = lp.size(-1);
                float[] logp = lp.contiguous().toArray();
                // the k best (beam, token) extensions by total score; ties go to the lower beam, then the lower id
                int[] bestBeam = new int[k], bestTok = new int[k];
                double[] bestScore = new double[k];
                Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
                Arrays.fill(bestBeam, -1);
                for (int i = 0; i < live.size(); i++) {
                    double base = live.get(i).score;
                    for (int tok = 0; tok < vocab; tok++) {
                        double sc = base + logp[i * vocab + tok];
                        if (sc <= bestScore[k - 1]) continue;
                        int j = k - 1;
                        while (j > 0 && sc > bestScore[j - 1]) {
                            bestScore[j] = bestScore[j - 1];
                            bestBeam[j] = bestBeam[j - 1];
                            bestTok[j] = bestTok[j - 1];
                            j--;
                        }
                        bestScore[j] = sc;
                        bestBeam[j] = i;
                        bestTok[j] = tok;
                    }
                }
                List<Beam> next = new ArrayList<>();
                List<Integer> rows = new ArrayList<>();
                for (int j = 0; j < k && bestBeam[j] >= 0; j++) {
                    Beam parent = live.get(bestBeam[j]);
                    float[][] att = parent.attention;
                    if (s.attention() != null) {
                        att = Arrays.copyOf(att, att.length + 1);
                        att[att.length - 1] = s.attention()[bestBeam[j]];
                    }
                    boolean end = bestTok[j] == v.eos || t + 1 >= limit;
                    int[] ids = bestTok[j] == v.eos ? parent.ids : append(parent.ids, bestTok[j]);
                    Beam b = new Beam(ids, bestScore[j], att, bestTok[j]);
                    if (end) {
                        finished.add(b);
                    } else {
                        next.add(b);
                        rows.add(bestBeam[j]);
                    }
                }
                if (finished.size() >= k) break;
                double bestFinished = finished.stream().mapToDouble(Beam::score).max().orElse(Double.NEGATIVE_INFINITY);
                if (lengthPenalty == 0 && !next.isEmpty() && next.get(0).score <= bestFinished) break;
                live = next;
                if (!live.isEmpty()) state = state.select(rows.stream().mapToInt(Integer::intValue).toArray());
            }
            if (finished.isEmpty()) finished.addAll(live);
            Beam best = null;
            double bestNorm = Double.NEGATIVE_INFINITY;
            for (Beam b : finished) {
                double norm = b.score / Math.pow(Math.max(1, b.ids.length + 1), lengthPenalty);
                if (norm > bestNorm) {
                    bestNorm = norm;
                    best = b;
                }
            }
            return new Hypothesis(best.ids, best.score, best.attention);
        }
    }

    private record Beam(int[] ids, double score, float[][] attention, int last) {}

    private static int[] append(int[] a, int x) {
        int[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = x;
        return r;
    }
}
