package io.genai4j.llm.lora;

import io.genai4j.engine.Tensor;
import java.util.List;

/**
 * What a fine-tuning run updates: its trainable tensors and the switch of its own dropout. A LoRA
 * adapter trains its A and B (dropout on the side path's input); full fine-tuning trains every
 * weight of the model ({@link #all}), so the two can share one task, one optimizer and one loop.
 */
public interface TrainedWeights {
    /** The tensors the optimizer updates. */
    List<Tensor> parameters();

    /** Dropout on (training) or off (evaluation). */
    void train(boolean on);

    /**
     * Every given tensor trainable, no dropout of its own (the model's dropout stays as the caller
     * set it): full fine-tuning compared with adapters that run without dropout.
     */
    static TrainedWeights all(List<Tensor> parameters) {
        List<Tensor> ps = List.copyOf(parameters);
        for (Tensor p : ps) p.requiresGrad(true);
        return new TrainedWeights() {
            @Override
            public List<Tensor> parameters() {
                return ps;
            }

            @Override
            public void train(boolean on) {}
        };
    }
}
