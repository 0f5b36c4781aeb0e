package io.genai4j.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Rng;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.bert.classify.Features;
import io.genai4j.models.bert.classify.Head;
import io.genai4j.models.bert.classify.HeadSpec;
import io.genai4j.models.bert.classify.HeadTrainer;
import io.genai4j.models.bert.classify.HeadTrainerTest;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptConfig;
import io.genai4j.models.gpt.GptData;
import io.genai4j.models.gpt.GptTrainer;
import io.genai4j.models.gpt.TrainConfig;
import io.genai4j.models.rnn.CharRnn;
import io.genai4j.models.rnn.CharRnnConfig;
import io.genai4j.models.rnn.CharRnnTrainer;
import io.genai4j.models.seq2seq.Seq2Seq;
import io.genai4j.models.seq2seq.Seq2SeqConfig;
import io.genai4j.models.translation.ParallelCorpus;
import io.genai4j.models.translation.SharedVocab;
import io.genai4j.models.translation.TinyPairs;
import io.genai4j.models.translation.TrainSettings;
import io.genai4j.models.translation.TranslationTrainer;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four trainers on the shared TrainLoop give the figures their own loops gave: the expected
 * values were recorded on main (commit 4410070) before the loops were merged, a few steps of each
 * with these seeds. An off-by-one in the schedule, the evaluation cadence, the batch order or the
 * mean train loss moves them by far more than the tolerance, which only absorbs the Vector API's
 * exp differing by an ulp between interpreted and compiled code (see GptTrainerTest).
 */
class TrainLoopParityTest {
    private static final double TOL = 1e-5;
    private static final String TEXT = "To be, or not to be, that is the question:\n".repeat(40)
            + "Whether 'tis nobler in the mind to suffer\n".repeat(20);

    @Test
    void gptEvaluationsAtNanoGptsCadence(@TempDir Path dir) throws Exception {
        GptData data = GptData.of(new Corpus("toy", TEXT), CharTokenizer.fit(TEXT));
        GptConfig c = new GptConfig(1, 2, 16, 16, data.tokenizer().vocabSize(), 0f, false);
        List<TrainEvent> events = new ArrayList<>();
        GptTrainer.Result r = new GptTrainer(new Gpt(c, new Rng(1)), data,
                new TrainConfig(4, 12, 12, 3e-3, 3e-4, 3, 5, 2, 0.1, 0.9, 0.99, 1.0, 7), dir).train(events::add);
        double[][] expected = {
                {0, 3.132651448249817, 3.1495654582977295},
                {5, 3.0442731380462646, 3.1147485971450806},
                {10, 2.975054979324341, 3.0377010107040405},
                {12, 2.9720882177352905, 3.035929322242737}};
        assertEquals(expected.length, r.evals().size());
        for (int i = 0; i < expected.length; i++) {
            TrainEvent.Eval e = r.evals().get(i);
            assertEquals((int) expected[i][0], e.step());
            assertEquals(expected[i][1], e.train(), TOL, "train loss at " + e.step());
            assertEquals(expected[i][2], e.val(), TOL, "val loss at " + e.step());
        }
        assertEquals(13, r.iters(), "iterations 0..max_iters inclusive");
        // the listener saw every update, every evaluation and a checkpoint per new best after iteration 0
        assertEquals(13, events.stream().filter(e -> e instanceof TrainEvent.Step).count());
        assertEquals(4, events.stream().filter(e -> e instanceof TrainEvent.Eval).count());
        assertEquals(3, events.stream().filter(e -> e instanceof TrainEvent.Checkpoint).count());
        assertEquals(TrainEvent.Done.class, events.getLast().getClass());
    }

    @Test
    void charRnnLastLoss() {
        String text = "abcabdabcabdabcabd".repeat(40);
        CharTokenizer chars = CharTokenizer.fit(text);
        CharRnn m = new CharRnn(new CharRnnConfig("lstm", chars.vocabSize(), 8, 24, 1, 0f), new Rng(2));
        CharRnnTrainer.Result r = CharRnnTrainer.train(m, chars.encode(text), new CharRnnTrainer.Settings(4, 16, 7, 1e-2, 1e-3, 2, 1.0, 3));
        assertEquals(1.1768128871917725, r.lastLoss(), TOL);
        assertEquals(7, r.steps());
    }

    @Test
    void translationCurve() throws Exception {
        SharedVocab v = TinyPairs.vocab();
        ParallelCorpus pc = new ParallelCorpus(TinyPairs.PAIRS, TinyPairs.PAIRS, TinyPairs.PAIRS, "tiny");
        Seq2Seq s = new Seq2Seq(new Seq2SeqConfig("gru", "bahdanau", v.size(), 16, 16, 1, 0f), new Rng(5));
        TranslationTrainer.Result r = new TranslationTrainer(s, v,
                new TrainSettings(5, 0, 9, LrSchedule.constant(1e-2), 0.9, 0.999, 1e-8, 0, 0.1f, 1.0, 4, 10, 1)).train(pc, null);
        double[][] expected = {
                {4, 5.556039810180664, 5.135529109409878},
                {8, 4.970410585403442, 4.451911926269531},
                {9, 4.5286736488342285, 4.306150436401367}};
        assertEquals(expected.length, r.curve().size());
        for (int i = 0; i < expected.length; i++) {
            TrainEvent.Eval p = r.curve().get(i);
            assertEquals((int) expected[i][0], p.step());
            assertEquals(expected[i][1], p.train(), TOL, "mean train loss since the last point, at " + p.step());
            assertEquals(expected[i][2], p.val(), TOL, "val loss at " + p.step());
        }
        assertEquals(9, r.steps());
    }

    @Test
    void bertHeadEpochs() {
        int[] y = new int[100];
        Features f = HeadTrainerTest.synthetic(100, 5, y);
        Head head = HeadSpec.of("mlp").withWidth(12).build(8, 2, 6);
        HeadTrainer.Result r = HeadTrainer.train(head, f, y, f, y, new HeadTrainer.Config(3, 16, 1e-2, 0.01, 7), TrainListener.NONE);
        double[][] expected = {{0.7309476709365845, 0.62}, {0.6474033212661743, 0.75}, {0.6032327318191528, 0.77}};
        assertEquals(expected.length, r.epochs().size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(i + 1, r.epochs().get(i).epoch());
            assertEquals(expected[i][0], r.epochs().get(i).trainLoss(), TOL, "epoch " + (i + 1) + " mean train loss");
            assertEquals(expected[i][1], r.epochs().get(i).devAccuracy(), 1e-12);
        }
        assertEquals(3, r.bestEpoch());
    }
}
