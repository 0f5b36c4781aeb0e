package io.genai4j.models.rnn;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.GradClip;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.engine.util.Progress;
import io.genai4j.models.translation.CpuClock;
import java.util.Locale;

/**
 * char-rnn's training: the training text is cut into B contiguous streams read side by side, T
 * characters per step; the state is carried from chunk to chunk (detached, so backpropagation
 * through time is truncated at T) and reset when the streams wrap around. Adam with linear warmup
 * and cosine decay, gradient-norm clipping — the clipping is what keeps exploding gradients through
 * time in check.
 */
public final class CharRnnTrainer {
    public record Settings(int batchSize, int seqLen, int maxSteps, double lr, double minLr, int warmup, double gradClip, long seed) {
        public Settings {
            if (batchSize < 1 || seqLen < 1 || maxSteps < 1) throw new IllegalArgumentException("--batch-size, --seq-len and --max-steps must be >= 1");
        }
    }

    public record Result(int steps, double epochs, double cpuSeconds, double wallSeconds, double lastLoss) {}

    private CharRnnTrainer() {}

    public static Result train(CharRnn model, int[] text, Settings s, boolean progress) {
        int b = s.batchSize(), t = s.seqLen();
        int streamLen = (text.length - 1) / b;
        if (streamLen < t + 1) throw new IllegalArgumentException("text of " + text.length + " characters is too short for " + b + " streams of " + (t + 1));
        AdamW opt = new AdamW(ParamGroup.decayMatricesOnly(model.namedParameters(), 0.0), s.lr(), 0.9, 0.99, 1e-8);
        LrSchedule schedule = LrSchedule.warmupCosine(s.lr(), s.minLr(), s.warmup(), s.maxSteps());
        int chunks = (streamLen - 1) / t;
        CharRnn.State state = null;
        int[] x = new int[b * t], y = new int[b * t];
        long cpu = 0, wall0 = System.nanoTime();
        double loss = Double.NaN;
        model.train(true);
        try (Progress bar = progress ? new Progress("train", s.maxSteps()).rate("chars", (double) b * t) : null) {
            for (int step = 0; step < s.maxSteps(); step++) {
                long c0 = CpuClock.processNanos();
                int chunk = step % chunks;
                if (chunk == 0) state = null;                         // streams wrap: start from an empty memory
                for (int i = 0; i < b; i++) {
                    int at = i * streamLen + chunk * t;
                    System.arraycopy(text, at, x, i * t, t);
                    System.arraycopy(text, at + 1, y, i * t, t);
                }
                opt.setLearningRate(schedule.lr(step));
                CharRnn.Output o = model.forward(x, b, t, state);
                Tensor l = CharRnn.loss(o, y);
                TrainingDiverged.check(l.item(), "step " + (step + 1));
                opt.zeroGrad();
                l.backward();
                GradClip.clipGradNorm(opt.params(), s.gradClip());
                opt.step();
                state = CharRnn.detach(o.state());
                loss = l.item();
                cpu += CpuClock.processNanos() - c0;
                if (bar != null) bar.update(step + 1, String.format(Locale.ROOT, "loss %.3f  epoch %.2f", loss, (double) (step + 1) / chunks));
            }
        }
        return new Result(s.maxSteps(), (double) s.maxSteps() / chunks, cpu / 1e9, (System.nanoTime() - wall0) / 1e9, loss);
    }
}
