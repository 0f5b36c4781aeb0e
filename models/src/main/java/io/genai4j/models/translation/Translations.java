package io.genai4j.models.translation;

import io.genai4j.text.metrics.Bleu;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Translating sentences and scoring a split: hypotheses and references are detokenized, lower-case
 * text (the references are the normalized targets), scored with corpus BLEU (sacreBLEU defaults).
 */
public final class Translations {
    private Translations() {}

    /** One source sentence, translated: the text, its pieces and the attention rows. */
    public record Translation(String source, String text, List<String> sourcePieces, List<String> targetPieces, float[][] attention) {}

    public record Evaluation(Bleu.Score bleu, List<String> hypotheses, int sentences, double seconds) {}

    /** Progress that nobody watches. */
    public static final IntConsumer QUIETLY = n -> {};

    /**
     * Translates (normalized) sentences with greedy decoding (beam 1, batched) or beam search;
     * {@code translated} hears how many more sentences are done after each batch.
     */
    public static List<Translation> translate(TranslationModel model, SharedVocab v, List<String> sentences, int beam, IntConsumer translated) {
        model.module().eval();   // inference: no dropout
        List<Translation> out = new ArrayList<>(sentences.size());
        int batch = beam <= 1 ? 64 : 1;
        for (int p = 0; p < sentences.size(); p += batch) {
            List<String> chunk = sentences.subList(p, Math.min(sentences.size(), p + batch));
            int[][] src = chunk.stream().map(v::encode).toArray(int[][]::new);
            List<Decoding.Hypothesis> hyps = beam <= 1 ? Decoding.greedy(model, v, src)
                    : List.of(Decoding.beam(model, v, src[0], beam, 1.0));
            for (int i = 0; i < chunk.size(); i++) {
                Decoding.Hypothesis h = hyps.get(i);
                List<String> sp = new ArrayList<>(), tp = new ArrayList<>();
                for (int id : src[i]) sp.add(v.piece(id));
                for (int id : h.ids()) tp.add(v.piece(id));
                if (h.attention().length > h.ids().length) tp.add(SharedVocab.EOS);
                out.add(new Translation(chunk.get(i), v.decode(h.ids()), sp, tp, h.attention()));
            }
            translated.accept(chunk.size());
        }
        return out;
    }

    /** Corpus BLEU of the model's translations of the pairs' sources against their targets. */
    public static Evaluation bleu(TranslationModel model, SharedVocab v, List<Pair> pairs, int beam, IntConsumer translated) {
        long t0 = System.nanoTime();
        List<String> sources = pairs.stream().map(Pair::source).toList();
        List<String> hyps = translate(model, v, sources, beam, translated).stream().map(Translation::text).toList();
        Bleu.Score s = Bleu.corpus(hyps, pairs.stream().map(Pair::target).toList());
        return new Evaluation(s, hyps, pairs.size(), (System.nanoTime() - t0) / 1e9);
    }
}
