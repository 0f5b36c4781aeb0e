package io.genai4j.llm.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.train.EvalWhen;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainLoop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few updates of a very small assistant lower the validation loss, and the GGUF file written at
 * the best evaluation, loaded back the way any model is (rotary rows permuted for llama.cpp's
 * layout, the tokenizer read from the file), scores the same loss on the same windows: the file is
 * the trained model.
 */
class AssistantTrainerTest {
    @Test
    void trainingLowersTheLossAndTheFileScoresWhatTheModulesScored(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("a.gguf");
        AssistantTrainer t = new AssistantTrainer(new AssistantTrainer.Settings(new AssistantTrainer.Shape(32, 1, 2, 64, 192, 400), 100, 24, 2, 3e-3, 0.1,
                7, DType.F32), out);
        double untrained = t.evaluate(0, Double.NaN).val();
        List<TrainEvent.Eval> evals = new ArrayList<>();
        TrainLoop.Settings s = TrainLoop.Settings.steps(20, LrSchedule.constant(3e-3), 1.0).withEval(EvalWhen.every(20), Goal.MINIMIZE, SaveWhen.EVERY_EVAL);
        new TrainLoop(t, s, e -> { if (e instanceof TrainEvent.Eval ev) evals.add(ev); }).run();
        assertEquals(1, evals.size());
        assertTrue(untrained > 5 && evals.getLast().val() < untrained - 1, untrained + " -> " + evals);
        try (LoadedModel m = ModelLoader.load(out)) {
            AssistantCorpus val = t.validationCorpus();
            double sum = 0;
            int[] starts = AssistantTrainer.evaluationStarts(val);
            try (Grad g = Grad.off()) {
                for (int start : starts) {
                    int[][] w = val.window(start, 192, -1);
                    sum += F.crossEntropy(m.model().forward(w[0], null, true), w[1], -1, 0f).item();
                }
            }
            assertEquals(evals.getLast().val(), sum / starts.length, 1e-3, "the loaded file scores what the trained modules scored");
            int[] ids = m.tokenizer().encode("What is 12 * 7?", false, true);
            assertEquals("What is 12 * 7?", m.tokenizer().decode(ids));
        }
    }
}
