package io.genai4j.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.engine.optim.TrainingDiverged;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop's own duties on a tiny linear regression: accumulation, the CPU budget, the NaN stop, best-only saves, resume. */
class TrainLoopTest {
    /** y = 2·x0 − x1 on 8 fixed rows; a batch is a run of rows, so two halves make up one whole batch. */
    private static final float[] X = {1, 0, 0, 1, 1, 1, 2, -1, -1, 3, 0.5f, 0.5f, -2, 1, 3, 2};
    private static final float[] Y = {2, -1, 1, 5, -5, 0.5f, -5, 4};

    private static class Regression implements TrainTask {
        final Linear lin = new Linear(2, 1, true, new Rng(3));
        // eps 1: Adam's step then grows with the gradient's size, so a wrongly scaled accumulated gradient shows
        final AdamW opt = new AdamW(ParamGroup.decayMatricesOnly(lin.namedParameters(), 0), 1e-2, 0.9, 0.99, 1.0);
        final int rowsPerBatch;
        int next, evaluations;
        final List<Integer> saves = new ArrayList<>();
        double[] vals = {};

        Regression(int rowsPerBatch) {
            this.rowsPerBatch = rowsPerBatch;
        }

        @Override
        public AdamW optimizer() {
            return opt;
        }

        @Override
        public Batch loss(int step) {
            int from = next % 8;
            next += rowsPerBatch;
            float[] x = new float[rowsPerBatch * 2], y = new float[rowsPerBatch];
            System.arraycopy(X, from * 2, x, 0, x.length);
            System.arraycopy(Y, from, y, 0, y.length);
            Tensor d = lin.forward(Tensor.of(x, rowsPerBatch, 2)).reshape(rowsPerBatch).sub(Tensor.of(y, rowsPerBatch));
            return Batch.of(d.mul(d).mean(), rowsPerBatch);
        }

        @Override
        public Score evaluate(int done, double meanTrainLoss) {
            return new Score(meanTrainLoss, vals[evaluations++ % vals.length]);
        }

        @Override
        public boolean save(int done, double best, List<TrainEvent.Eval> history) {
            saves.add(done);
            return true;
        }

        float[] weights() {
            return lin.namedParameters().values().stream().map(Tensor::toArray)
                    .reduce(new float[0], (a, b) -> { float[] c = new float[a.length + b.length]; System.arraycopy(a, 0, c, 0, a.length); System.arraycopy(b, 0, c, a.length, b.length); return c; });
        }
    }

    @Test
    void twoAccumulatedHalvesMakeTheUpdateOfOneWholeBatch() throws Exception {
        Regression whole = new Regression(8), halves = new Regression(4);
        List<TrainEvent> a = new ArrayList<>(), b = new ArrayList<>();
        new TrainLoop(whole, TrainLoop.Settings.steps(5, LrSchedule.constant(1e-1), 0), a::add).run();
        TrainEvent.Done d = new TrainLoop(halves, TrainLoop.Settings.steps(5, LrSchedule.constant(1e-1), 0).withAccumulate(2), b::add).run();
        assertArrayEquals(whole.weights(), halves.weights(), 1e-6f);
        for (int i = 0; i < 5; i++) {
            assertEquals(((TrainEvent.Step) a.get(i)).loss(), ((TrainEvent.Step) b.get(i)).loss(), 1e-5, "the reported loss is the whole batch's");
        }
        assertEquals(5, d.steps());
        assertEquals(40, d.items(), "every micro-batch's rows count");
    }

    @Test
    void theCpuBudgetEndsTheRunAndTheLastStepIsEvaluated() throws Exception {
        Regression r = new Regression(8);
        r.vals = new double[] {1};
        TrainLoop.Settings s = new TrainLoop.Settings(0, 0.002, LrSchedule.constant(1e-3), 0, 1, EvalWhen.every(1_000_000_000), Goal.MINIMIZE, SaveWhen.ON_BEST);
        TrainLoop loop = new TrainLoop(r, s, null);
        TrainEvent.Done d = loop.run();
        assertTrue(d.cpuSeconds() >= 0.12 && d.steps() > 0, d.toString());
        assertEquals(List.of(d.steps()), loop.history().stream().map(TrainEvent.Eval::step).toList(), "evaluated once, at the end");
    }

    @Test
    void aNanLossStopsTheRunNamingTheStep() {
        TrainTask nan = new Regression(8) {
            @Override
            public Batch loss(int step) {
                Batch b = super.loss(step);
                return step == 3 ? Batch.of(b.loss().mul(Float.NaN), 8) : b;
            }
        };
        var e = assertThrows(TrainingDiverged.class, () -> new TrainLoop(nan, TrainLoop.Settings.steps(10, LrSchedule.constant(1e-2), 1.0), null).run());
        assertTrue(e.getMessage().contains("step 4"), e.getMessage());
    }

    @Test
    void onlyAnImprovementIsSavedInTheGoalsDirectionAndResumeKeepsTheBest() throws Exception {
        Regression r = new Regression(8);
        r.vals = new double[] {0.5, 0.7, 0.6, 0.9};      // accuracies: 0.5, 0.7 better, 0.6 not, 0.9 better
        List<TrainEvent> events = new ArrayList<>();
        TrainLoop.Settings s = TrainLoop.Settings.steps(8, LrSchedule.constant(1e-2), 0).withEval(EvalWhen.every(2), Goal.MAXIMIZE, SaveWhen.ON_BEST);
        TrainLoop loop = new TrainLoop(r, s, events::add);
        loop.run();
        assertEquals(List.of(2, 4, 8), r.saves);
        assertEquals(0.9, loop.best());
        assertEquals(List.of(2, 4, 8), events.stream().filter(e -> e instanceof TrainEvent.Checkpoint).map(e -> ((TrainEvent.Checkpoint) e).step()).toList());

        Regression more = new Regression(8);
        more.vals = new double[] {0.8};
        TrainLoop resumed = new TrainLoop(more, TrainLoop.Settings.steps(10, LrSchedule.constant(1e-2), 0)
                .withEval(EvalWhen.every(2), Goal.MAXIMIZE, SaveWhen.ON_BEST), null).resume(8, 0.9, loop.history());
        TrainEvent.Done d = resumed.run();
        assertEquals(2, d.steps(), "updates 8 and 9 remained");
        assertEquals(List.of(2, 4, 6, 8, 8, 10), resumed.history().stream().map(TrainEvent.Eval::step).toList(),
                "the resumed history goes on; the resume point is evaluated again, as nanoGPT does");
        assertEquals(0.9, resumed.best());
        assertEquals(List.of(), more.saves, "0.8 does not beat the resumed best");
    }
}
