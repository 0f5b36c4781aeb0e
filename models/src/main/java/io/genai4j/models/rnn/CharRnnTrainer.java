package io.genai4j.models.rnn;

import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.models.train.LossTrace;
import io.genai4j.models.train.OptimizerTask;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;

/**
 * char-rnn's training: the training text is cut into B contiguous streams read side by side, T
 * characters per step; the state is carried from chunk to chunk (detached, so backpropagation
 * through time is truncated at T) and reset when the streams wrap around. Adam with linear warmup
 * and cosine decay, gradient-norm clipping — the clipping is what keeps exploding gradients through
 * time in check. The loop itself is the shared {@link TrainLoop}; steps go to a {@link TrainListener}.
 */
public final class CharRnnTrainer {
    public record Settings(int batchSize, int seqLen, int maxSteps, double lr, double minLr, int warmup, double gradClip, long seed) {
        public Settings {
            if (batchSize < 1 || seqLen < 1 || maxSteps < 1) throw new IllegalArgumentException("--batch-size, --seq-len and --max-steps must be >= 1");
        }
    }

    public record Result(int steps, double epochs, double cpuSeconds, double wallSeconds, double lastLoss) {}

    private CharRnnTrainer() {}

    public static Result train(CharRnn model, int[] text, Settings s) {
        return train(model, text, s, TrainListener.NONE);
    }

    public static Result train(CharRnn model, int[] text, Settings s, TrainListener listener) {
        int b = s.batchSize(), t = s.seqLen();
        int streamLen = (text.length - 1) / b;
        if (streamLen < t + 1) throw new IllegalArgumentException("text of " + text.length + " characters is too short for " + b + " streams of " + (t + 1));
        AdamW opt = new AdamW(ParamGroup.decayMatricesOnly(model.namedParameters(), 0.0), s.lr(), 0.9, 0.99, 1e-8);
        int chunks = (streamLen - 1) / t;
        model.train(true);
        TrainTask task = new OptimizerTask(opt) {
            private CharRnn.State state;
            private final int[] x = new int[b * t], y = new int[b * t];

            @Override
            public Batch loss(int step) {
                int chunk = step % chunks;
                if (chunk == 0) state = null;                         // streams wrap: start from an empty memory
                for (int i = 0; i < b; i++) {
                    int at = i * streamLen + chunk * t;
                    System.arraycopy(text, at, x, i * t, t);
                    System.arraycopy(text, at + 1, y, i * t, t);
                }
                CharRnn.Output o = model.forward(x, b, t, state);
                state = CharRnn.detach(o.state());                    // the next chunk starts from here, outside this graph
                return Batch.of(CharRnn.loss(o, y), (long) b * t);
            }
        };
        TrainLoop.Settings settings = TrainLoop.Settings.steps(s.maxSteps(), LrSchedule.warmupCosine(s.lr(), s.minLr(), s.warmup(), s.maxSteps()), s.gradClip());
        LossTrace trace = new LossTrace(listener);
        TrainEvent.Done d = new TrainLoop(task, settings, trace).runInMemory();
        return new Result(d.steps(), (double) d.steps() / chunks, d.cpuSeconds(), d.wallSeconds(), trace.last());
    }
}
