package io.genai4j.cli.vision;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.course.vision.DigitGrid;
import io.genai4j.course.vision.PngDigit;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import io.genai4j.models.vision.VisionCheckpoint;
import io.genai4j.models.vision.VisionEvaluation;
import io.genai4j.models.vision.VisionModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai vision eval}: test accuracy, the confusion matrix and a grid of test digits with predictions; or one PNG of yours. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a trained model on the 1,500 test images (accuracy, confusion matrix, a grid of samples with the mistakes in red),",
                "or classify your own picture with --image (a dark digit on light paper is inverted to MNIST's white on black)."})
public final class VisionEval implements Callable<Integer> {
    @Mixin CheckpointOption checkpoint;
    @Option(names = "--image", paramLabel = "PNG", description = "Classify this picture instead of the test set.") Path image;
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "runs/vision-samples.png", description = "Grid of test digits with predictions (default: ${DEFAULT-VALUE}).") Path png;
    @Option(names = "--samples", defaultValue = "48", description = "Digits in the grid, mistakes first (default ${DEFAULT-VALUE}).") int samples;
    @Mixin MnistOption data;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        VisionCheckpoint ck = checkpoint.load("cnn");
        VisionModel m = ck.model();
        int size = m.config.imageSize();
        if (image != null) {
            float[] px = PngDigit.read(image, size);
            float[] p = VisionEvaluation.probabilities(m, Tensor.of(px, 1, 1, size, size))[0];
            int best = 0;
            for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
            System.out.printf(Locale.ROOT, "%s: %d (p = %.3f)%n", image, best, p[best]);
            if (json.on()) {
                List<Double> probs = new ArrayList<>();
                for (float v : p) probs.add(Rounding.places(v, 4));
                new Report().put("image", image.toString()).put("model", m.config.kind()).put("prediction", best).put("probabilities", probs).printJson(System.out);
            }
            return 0;
        }
        Images test = data.split().test();
        int[] pred = VisionEvaluation.predict(m, test, 250);
        double acc = VisionEvaluation.accuracy(pred, test.labels());
        int[][] conf = VisionEvaluation.confusion(pred, test.labels(), m.config.classes());
        System.out.printf(Locale.ROOT, "%s: test accuracy %.4f (%d of %d)%n", m.config.kind(), acc, Math.round(acc * test.size()), test.size());
        System.out.println("confusion (rows: label, columns: prediction)");
        System.out.print("     ");
        for (int k = 0; k < conf.length; k++) System.out.printf("%5d", k);
        System.out.println();
        for (int k = 0; k < conf.length; k++) {
            System.out.printf("%5d", k);
            for (int v : conf[k]) System.out.printf("%5d", v);
            System.out.println();
        }
        List<DigitGrid.Cell> cells = new ArrayList<>();
        for (boolean wrong : new boolean[] {true, false}) {
            for (int i = 0; i < test.size() && cells.size() < samples; i++) {
                if ((pred[i] != test.labels()[i]) == wrong) cells.add(new DigitGrid.Cell(test.image(i), test.labels()[i] + " → " + pred[i], wrong));
            }
        }
        if (!cells.isEmpty()) {
            DigitGrid.save(png, String.format(Locale.ROOT, "%s on MNIST test digits: label → prediction (accuracy %.4f)", m.config.kind(), acc), cells, size, size, 12);
            System.out.println("samples: " + png.toAbsolutePath());
        }
        if (json.on()) {
            List<List<Integer>> rows = new ArrayList<>();
            for (int[] r : conf) rows.add(java.util.Arrays.stream(r).boxed().toList());
            new Report().put("model", m.config.kind()).put("test_images", test.size()).put("test_accuracy", Rounding.places(acc, 4))
                    .put("confusion", rows).put("split_seed", Mnist.SPLIT_SEED).put("png", png.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
