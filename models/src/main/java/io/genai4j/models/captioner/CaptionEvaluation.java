package io.genai4j.models.captioner;

import io.genai4j.engine.Tensor;
import io.genai4j.text.metrics.Bleu;
import io.genai4j.text.metrics.CiderD;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a captioner on scenes 0..n−1 of a generator: corpus BLEU-4 (the translation lesson's
 * {@link Bleu}, one reference per scene) and {@link CiderD} of the decoded captions, the share of
 * captions generated word for word, and exact-match accuracy of the answers to every question the
 * grammar asks about those scenes (greedy; the answer must equal the reference answer exactly).
 */
public final class CaptionEvaluation {
    /** One scene's reference and generated caption. */
    public record Sample(long scene, String reference, String generated) {}

    public record Metrics(double bleu4, double ciderD, double captionExactMatch, double qaAccuracy, int scenes, int questions, List<Sample> samples) {}

    private CaptionEvaluation() {}

    /** beam ≤ 1 decodes greedily (batched), larger widths run beam search scene by scene. */
    public static Metrics evaluate(Git model, SceneGenerator scenes, int count, int beam, int batchSize) {
        if (count < 1) throw new IllegalArgumentException("--scenes must be >= 1, got " + count);
        CaptionVocabulary vocab = new CaptionVocabulary();
        List<List<String>> hyps = new ArrayList<>();
        List<List<List<String>>> refs = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        Bleu bleu = new Bleu();
        int exact = 0, questions = 0, correct = 0;
        for (int from = 0; from < count; from += batchSize) {
            int to = Math.min(count, from + batchSize);
            List<Scene> batch = new ArrayList<>();
            for (int i = from; i < to; i++) batch.add(scenes.scene(i));
            List<String> captions = captions(model, batch, beam);
            for (int i = 0; i < batch.size(); i++) {
                String ref = CaptionGrammar.caption(batch.get(i)), hyp = captions.get(i);
                List<String> h = words(hyp), r = words(ref);
                hyps.add(h);
                refs.add(List.of(r));
                bleu.addTokens(h, r);
                if (hyp.equals(ref)) exact++;
                samples.add(new Sample(from + i, ref, hyp));
            }
            List<Scene> qaScenes = new ArrayList<>();
            List<int[]> prompts = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (Scene s : batch) {
                for (QuestionAnswer qa : CaptionGrammar.questions(s)) {
                    qaScenes.add(s);
                    prompts.add(TextExample.prompt(vocab, qa.question()));
                    answers.add(qa.answer());
                }
            }
            List<int[]> got = CaptionDecoder.greedy(model, CaptionBatch.images(qaScenes), prompts);
            for (int i = 0; i < got.size(); i++) if (vocab.decode(got.get(i)).equals(answers.get(i))) correct++;
            questions += got.size();
        }
        return new Metrics(bleu.score().bleu(), CiderD.score(hyps, refs).cider(), (double) exact / count, (double) correct / questions, count, questions, samples);
    }

    /** The model's captions for the scenes. */
    public static List<String> captions(Git model, List<Scene> scenes, int beam) {
        CaptionVocabulary vocab = new CaptionVocabulary();
        List<String> out = new ArrayList<>();
        if (beam <= 1) {
            List<int[]> prompts = new ArrayList<>();
            for (int i = 0; i < scenes.size(); i++) prompts.add(new int[] {CaptionVocabulary.BOS});
            for (int[] ids : CaptionDecoder.greedy(model, CaptionBatch.images(scenes), prompts)) out.add(vocab.decode(ids));
        } else {
            for (Scene s : scenes) out.add(vocab.decode(CaptionDecoder.beam(model, CaptionBatch.images(List.of(s)), new int[] {CaptionVocabulary.BOS}, beam)));
        }
        return out;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.split(" "));
    }
}
