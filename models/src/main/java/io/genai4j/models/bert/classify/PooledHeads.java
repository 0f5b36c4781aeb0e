package io.genai4j.models.bert.classify;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.Linear;
import java.util.Map;

/**
 * Heads on the pooled sentence vector e (standardised with the training set's mean μ and standard
 * deviation σ, kept as buffers so prediction uses the same scaling):
 * <pre>
 *   linear:  logits = W·x + b,                          x = (e − μ)/σ   (logistic regression)
 *   mlp:     logits = W_2·dropout(GELU(W_1·x + b_1)) + b_2
 * </pre>
 */
public final class PooledHeads {
    private PooledHeads() {}

    /** Logistic regression on the standardised pooled vector. */
    public static final class LinearHead extends Head {
        final Tensor mean, std;
        final Linear out;

        public LinearHead(int hidden, int classes, Rng rng) {
            mean = buffer("feature_mean", Tensor.zeros(hidden));
            std = buffer("feature_std", Tensor.ones(hidden));
            out = add("out", new Linear(hidden, classes, true, rng));
        }

        @Override
        public String kind() {
            return "linear";
        }

        @Override
        public boolean needsTokens() {
            return false;
        }

        @Override
        public Tensor logits(Features f, int[] rows) {
            return out.forward(pooled(f, rows).sub(mean).div(std));
        }

        @Override
        public Map<String, String> shape() {
            return Map.of("hidden", Integer.toString(out.inFeatures()), "classes", Integer.toString(out.outFeatures()));
        }
    }

    /** One hidden layer with GELU and dropout. */
    public static final class MlpHead extends Head {
        final Tensor mean, std;
        final Linear fc1, fc2;
        final Dropout dropout;

        public MlpHead(int hidden, int width, int classes, float dropoutP, Rng rng) {
            mean = buffer("feature_mean", Tensor.zeros(hidden));
            std = buffer("feature_std", Tensor.ones(hidden));
            fc1 = add("fc1", new Linear(hidden, width, true, rng));
            dropout = add("dropout", new Dropout(dropoutP, rng));
            fc2 = add("fc2", new Linear(width, classes, true, rng));
        }

        @Override
        public String kind() {
            return "mlp";
        }

        @Override
        public boolean needsTokens() {
            return false;
        }

        @Override
        public Tensor logits(Features f, int[] rows) {
            Tensor x = pooled(f, rows).sub(mean).div(std);
            return fc2.forward(dropout.forward(fc1.forward(x).gelu()));
        }

        @Override
        public Map<String, String> shape() {
            return Map.of("hidden", Integer.toString(fc1.inFeatures()), "width", Integer.toString(fc1.outFeatures()),
                    "classes", Integer.toString(fc2.outFeatures()));
        }
    }

    /** Sets μ and σ (per dimension) from the training features. */
    static void standardise(Tensor mean, Tensor std, Features train) {
        int h = train.hidden(), n = train.size();
        double[] s = new double[h], s2 = new double[h];
        for (float[] e : train.pooled()) {
            for (int k = 0; k < h; k++) {
                s[k] += e[k];
                s2[k] += (double) e[k] * e[k];
            }
        }
        float[] m = mean.data(), sd = std.data();
        for (int k = 0; k < h; k++) {
            double mu = s[k] / n;
            m[k] = (float) mu;
            sd[k] = (float) Math.sqrt(Math.max(s2[k] / n - mu * mu, 0) + 1e-6);
        }
    }
}
