package io.genai4j.course.lora;

import io.genai4j.llm.lora.LoraTargets;
import java.util.Locale;

/**
 * One contestant of the comparison: full fine-tuning (every weight trainable) or a LoRA adapter of a
 * rank on some target layers, with its learning rate.
 *
 * @param targets the adapted layers, null for full fine-tuning
 * @param rank    r, 0 for full fine-tuning
 */
public record FineTuning(LoraTargets targets, int rank, double lr) {
    public FineTuning {
        if ((targets == null) != (rank == 0)) throw new IllegalArgumentException("full fine-tuning has no targets and rank 0; LoRA has both");
        if (rank < 0) throw new IllegalArgumentException("LoRA rank must be at least 1, got " + rank);
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
    }

    public static FineTuning full(double lr) {
        return new FineTuning(null, 0, lr);
    }

    public static FineTuning lora(LoraTargets targets, int rank, double lr) {
        return new FineTuning(targets, rank, lr);
    }

    public boolean isFull() {
        return targets == null;
    }

    /** "full FT" or "LoRA c_attn"; the family a chart joins by rank. */
    public String family() {
        return isFull() ? "full FT" : "LoRA " + (targets.regex() != null ? targets.regex() : String.join(",", targets.names()));
    }

    /** "full FT lr 3e-04" or "LoRA c_attn r 4". */
    public String label() {
        return isFull() ? String.format(Locale.ROOT, "full FT lr %.0e", lr) : family() + " r " + rank;
    }
}
