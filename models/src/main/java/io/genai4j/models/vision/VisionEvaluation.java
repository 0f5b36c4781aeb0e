package io.genai4j.models.vision;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;

/** Predictions and accuracy of a classifier on a set of images (evaluation mode, no graph). */
public final class VisionEvaluation {
    private VisionEvaluation() {}

    /** The arg-max class of every image, in batches of {@code batch}. */
    public static int[] predict(VisionModel model, Images images, int batch) {
        boolean was = model.isTraining();
        model.eval();
        int[] out = new int[images.size()];
        try (Grad g = Grad.off()) {
            for (int from = 0; from < images.size(); from += batch) {
                int n = Math.min(batch, images.size() - from);
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) idx[i] = from + i;
                int[] p = model.forward(images.batch(idx)).argmax();
                System.arraycopy(p, 0, out, from, n);
            }
        } finally {
            model.train(was);
        }
        return out;
    }

    /** The fraction of images whose predicted class is their label. */
    public static double accuracy(VisionModel model, Images images) {
        return accuracy(predict(model, images, 250), images.labels());
    }

    public static double accuracy(int[] predicted, int[] labels) {
        if (labels.length == 0) return Double.NaN;
        int right = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) right++;
        return (double) right / labels.length;
    }

    /** confusion[label][predicted] counts. */
    public static int[][] confusion(int[] predicted, int[] labels, int classes) {
        int[][] m = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) m[labels[i]][predicted[i]]++;
        return m;
    }

    /** Softmax probabilities [N, classes] of one batch. */
    public static float[][] probabilities(VisionModel model, Tensor images) {
        boolean was = model.isTraining();
        model.eval();
        try (Grad g = Grad.off()) {
            Tensor p = model.forward(images).softmax(-1);
            int n = p.size(0), c = p.size(1);
            float[] d = p.toArray();
            float[][] out = new float[n][c];
            for (int i = 0; i < n; i++) System.arraycopy(d, i * c, out[i], 0, c);
            return out;
        } finally {
            model.train(was);
        }
    }
}
