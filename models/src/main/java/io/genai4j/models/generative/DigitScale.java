package io.genai4j.models.generative;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.LeNet;
import io.genai4j.models.vision.VisionModel;

/**
 * The one scale every generative model of digits is measured on, read off a LeNet trained on the
 * split's training digits:
 * <ul>
 *   <li>Fréchet distance ("FID-MNIST") between Gaussians fitted to its 84 penultimate features of the
 *       samples and of the reference (test) digits: quality and diversity together, lower is better;</li>
 *   <li>confidence: the mean over samples of the top class probability (does it look like <em>a</em> digit?);</li>
 *   <li>the label histogram of the samples and its entropy in bits (log₂ 10 ≈ 3.32 when all ten digits
 *       are equally common; mode collapse shows as a low entropy).</li>
 * </ul>
 */
public final class DigitScale {
    /** The figures of one set of samples. */
    public record Score(double frechet, double confidence, int[] histogram, double entropyBits, int samples) {}

    private static final int BATCH = 500;
    private final LeNet classifier;
    private final FrechetDistance.Gaussian reference;
    private final int references;

    /** The classifier (a LeNet, evaluation mode) and the images the samples are compared with. */
    public DigitScale(VisionModel classifier, Images reference) {
        this.classifier = lenet(classifier);
        float[][] rows = new float[reference.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = reference.image(i);
        this.reference = FrechetDistance.Gaussian.fit(features(this.classifier, rows));
        this.references = rows.length;
    }

    /** How many reference images the Fréchet distance compares with. */
    public int references() {
        return references;
    }

    /** Scores images given as pixels in [0, 1], one float[H·W] each. */
    public Score score(float[][] images) {
        float[][] feats = features(classifier, images);
        int[] hist = new int[10];
        double conf = 0;
        try (Grad g = Grad.off()) {
            float[] p = classifier.fc3.forward(Tensor.of(flatten(feats), feats.length, feats[0].length)).softmax(-1).toArray();
            int c = p.length / feats.length;
            for (int i = 0; i < feats.length; i++) {
                int best = 0;
                for (int k = 1; k < c; k++) if (p[i * c + k] > p[i * c + best]) best = k;
                conf += p[i * c + best];
                if (best < hist.length) hist[best]++;
            }
        }
        return new Score(FrechetDistance.between(FrechetDistance.Gaussian.fit(feats), reference), conf / images.length, hist, entropyBits(hist), images.length);
    }

    /** The classifier's label of each image. */
    public int[] labels(float[][] images) {
        return labels(classifier, images);
    }

    /** The label a LeNet gives each image (pixels in [0, 1]); no reference set needed. */
    public static int[] labels(VisionModel lenet, float[][] images) {
        LeNet classifier = lenet(lenet);
        try (Grad g = Grad.off()) {
            float[][] f = features(classifier, images);
            float[] logits = classifier.fc3.forward(Tensor.of(flatten(f), f.length, f[0].length)).toArray();
            int c = logits.length / f.length;
            int[] out = new int[f.length];
            for (int i = 0; i < f.length; i++) {
                for (int k = 1; k < c; k++) if (logits[i * c + k] > logits[i * c + out[i]]) out[i] = k;
            }
            return out;
        }
    }

    /** H = −Σ p·log₂ p of the histogram's frequencies. */
    public static double entropyBits(int[] histogram) {
        double n = 0, h = 0;
        for (int c : histogram) n += c;
        for (int c : histogram) if (c > 0) h -= c / n * Math.log(c / n) / Math.log(2);
        return h;
    }

    private static LeNet lenet(VisionModel classifier) {
        if (!(classifier instanceof LeNet l)) throw new IllegalArgumentException("the scale needs a LeNet (cnn) classifier, got " + classifier.getClass().getSimpleName());
        l.eval();
        return l;
    }

    private static float[][] features(LeNet classifier, float[][] images) {
        if (images.length == 0) throw new IllegalArgumentException("no images to score");
        int px = images[0].length, side = (int) Math.round(Math.sqrt(px));
        if (side * side != px) throw new IllegalArgumentException("images of " + px + " pixels are not square");
        float[][] out = new float[images.length][];
        try (Grad g = Grad.off()) {
            for (int from = 0; from < images.length; from += BATCH) {           // batches bound the im2col buffers
                int n = Math.min(BATCH, images.length - from);
                float[] x = new float[n * px];
                for (int i = 0; i < n; i++) System.arraycopy(images[from + i], 0, x, i * px, px);
                float[] f = classifier.features(Tensor.of(x, n, 1, side, side)).toArray();
                int d = f.length / n;
                for (int i = 0; i < n; i++) out[from + i] = java.util.Arrays.copyOfRange(f, i * d, (i + 1) * d);
            }
        }
        return out;
    }

    private static float[] flatten(float[][] rows) {
        int d = rows[0].length;
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * d, d);
        return out;
    }
}
