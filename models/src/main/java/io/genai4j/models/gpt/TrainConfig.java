package io.genai4j.models.gpt;

/**
 * Training settings with nanoGPT's names and the defaults of config/train_shakespeare_char.py
 * (and train.py where that config is silent): AdamW (β1 0.9, β2 0.99, weight decay 0.1), linear
 * warmup then cosine decay to min_lr, gradient clipping at 1.0.
 */
public record TrainConfig(int batchSize, int maxIters, int lrDecayIters, double learningRate, double minLr,
                          int warmupIters, int evalInterval, int evalIters, double weightDecay,
                          double beta1, double beta2, double gradClip, long seed) {

    public static TrainConfig shakespeareChar() {
        return new TrainConfig(64, 5000, 5000, 1e-3, 1e-4, 100, 250, 200, 0.1, 0.9, 0.99, 1.0, 1337);
    }

    public TrainConfig {
        if (batchSize < 1 || maxIters < 0 || evalInterval < 1 || evalIters < 1) {
            throw new IllegalArgumentException("batch_size, eval_interval and eval_iters must be >= 1 and max_iters >= 0");
        }
        if (!(learningRate > 0) || minLr < 0 || warmupIters < 0 || lrDecayIters < 0) {
            throw new IllegalArgumentException("learning rates must be positive and iteration counts non-negative");
        }
    }
}
