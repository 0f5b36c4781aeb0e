package io.genai4j.course.lora;

/**
 * What one fine-tuning run of the comparison measured.
 *
 * @param trainable       trainable parameters (all of the model's for full fine-tuning)
 * @param all             the model's parameters plus the adapter's, as PEFT counts them
 * @param stateBytes      the training state that grows with what is trained: the trainable weights,
 *                        their gradients and AdamW's two moments (read from the optimizer), in bytes;
 *                        the frozen base and the activations come on top for every contestant alike
 * @param valLoss         mean validation loss on the new text after training (nats per token)
 * @param homeLoss        the same on Shakespeare's validation text (forgetting), NaN without it
 * @param cpuSeconds      process CPU seconds of the training steps
 * @param tokensPerSecond training tokens per wall second of the steps
 */
public record FineTuningResult(FineTuning setup, long trainable, long all, long stateBytes, double valLoss, double homeLoss,
                               int steps, long tokens, double cpuSeconds, double tokensPerSecond) {}
