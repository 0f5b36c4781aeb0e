package io.genai4j.llm.lora;

import java.util.List;
import java.util.Locale;

/**
 * Trainable against all parameters, as PEFT's print_trainable_parameters reports them (all = the
 * frozen base plus the adapter).
 */
public record TrainableParameters(long trainable, long all) {

    /** The adapter of rank r on the selected sites, over a base of {@code baseParameters}. */
    public static TrainableParameters of(List<LinearSite> selected, int rank, long baseParameters) {
        long t = 0;
        for (LinearSite s : selected) t += s.loraParameters(rank);
        return new TrainableParameters(t, baseParameters + t);
    }

    public double percent() {
        return all == 0 ? 0 : 100.0 * trainable / all;
    }

    /** "trainable params: 851,968 || all params: 1,236,666,368 || trainable%: 0.0689" */
    public String peftLine() {
        return String.format(Locale.ROOT, "trainable params: %,d || all params: %,d || trainable%%: %.4f", trainable, all, percent());
    }
}
