package io.genai4j.llm.lora;

import io.genai4j.engine.nn.LoraLinear;

/**
 * The hyperparameters of an adapter, as PEFT's LoraConfig names them.
 *
 * @param rank      r, the inner width of B·A
 * @param alpha     lora_alpha; the side path is scaled by alpha/r (alpha/√r with rsLoRA)
 * @param dropout   lora_dropout on the side path's input while training
 * @param rsLora    use_rslora
 * @param targets   target_modules
 * @param baseModel base_model_name_or_path (may be empty)
 */
public record LoraConfig(int rank, float alpha, float dropout, boolean rsLora, LoraTargets targets, String baseModel) {
    public LoraConfig {
        if (rank < 1) throw new IllegalArgumentException("LoRA rank must be at least 1, got " + rank);
        if (!(dropout >= 0f && dropout < 1f)) throw new IllegalArgumentException("LoRA dropout must be in [0, 1), got " + dropout);
        if (!Float.isFinite(alpha)) throw new IllegalArgumentException("LoRA alpha must be finite, got " + alpha);
        if (baseModel == null) baseModel = "";
    }

    /** The side path's scale s. */
    public float scaling() {
        return LoraLinear.scaling(alpha, rank, rsLora);
    }
}
