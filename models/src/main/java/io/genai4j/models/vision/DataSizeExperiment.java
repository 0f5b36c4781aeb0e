package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.models.train.TrainListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The seed's claim as an experiment: "a ViT beats a CNN given enough data". For every training-set
 * size (the first n images of the split's training pool), seed, augmentation setting and model, a
 * fresh model trains for the same CPU-time budget (so the two models are compared on what their
 * training cost, not on steps), keeps its best weights on the validation set, and is scored on the
 * 1,500 test images. Runs are reported one by one to a listener as they finish.
 */
public final class DataSizeExperiment {
    /** What to run: sizes, seeds, whether to run without and/or with augmentation, the budget per run. */
    public record Plan(int[] sizes, long[] seeds, boolean[] augment, List<String> models, double cpuSecondsPerRun,
                       int batchSize, int evalEvery) {
        public Plan {
            if (sizes.length == 0 || seeds.length == 0 || augment.length == 0 || models.isEmpty()) throw new IllegalArgumentException("the experiment needs sizes, seeds, augmentation settings and models");
            if (cpuSecondsPerRun <= 0) throw new IllegalArgumentException("--cpu-seconds must be > 0");
        }

        public int runs() {
            return sizes.length * seeds.length * augment.length * models.size();
        }
    }

    /** One finished run. */
    public record Run(String model, int trainSize, long seed, boolean augmented, int steps, double epochs, double cpuSeconds,
                      double valAccuracy, double testAccuracy, long parameters) {}

    private DataSizeExperiment() {}

    public static List<Run> run(Mnist.Split split, Plan plan, Consumer<Run> done) {
        List<Run> out = new ArrayList<>();
        for (int size : plan.sizes()) {
            if (size < 1 || size > split.train().size()) throw new IllegalArgumentException("training size " + size + " is outside 1.." + split.train().size());
            Images train = split.train().range(0, size);
            for (long seed : plan.seeds()) {
                for (boolean aug : plan.augment()) {
                    for (String kind : plan.models()) {
                        Run r = one(kind, train, split, seed, aug, plan);
                        out.add(r);
                        done.accept(r);
                    }
                }
            }
        }
        return out;
    }

    static Run one(String kind, Images train, Mnist.Split split, long seed, boolean aug, DataSizeExperiment.Plan plan) {
        VisionConfig c = VisionConfig.of(kind);
        VisionModel model = VisionModel.create(c, new Rng(seed));
        VisionTrainer.Settings s = new VisionTrainer.Settings(plan.batchSize(), defaultLr(kind), 0.01, 0, plan.cpuSecondsPerRun(),
                plan.evalEvery(), aug ? Augmentation.SHIFT_ROTATE : Augmentation.NONE, seed);
        VisionTrainer.Result r = VisionTrainer.train(model, train, split.val(), s, TrainListener.NONE);
        double test = VisionEvaluation.accuracy(model, split.test());
        return new Run(kind, train.size(), seed, aug, r.steps(), r.epochs(), r.cpuSeconds(), r.bestValAccuracy(), test, model.numParameters());
    }

    /** The learning rates both models train well with on MNIST (AdamW): the CNN tolerates more. */
    public static double defaultLr(String kind) {
        return kind.equals("cnn") ? 2e-3 : 1e-3;
    }
}
