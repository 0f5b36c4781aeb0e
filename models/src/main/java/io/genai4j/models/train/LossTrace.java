package io.genai4j.models.train;

/**
 * The loss figures a trainer reports back in its result: the first and last training-batch loss
 * and the last validation figure, taken from the events on their way to the caller's listener.
 */
public final class LossTrace implements TrainListener {
    private final TrainListener next;
    private double first = Double.NaN, last = Double.NaN, lastVal = Double.NaN;

    /** Records the figures, then passes every event on to {@code next}. */
    public LossTrace(TrainListener next) {
        this.next = next == null ? NONE : next;
    }

    @Override
    public void on(TrainEvent event) {
        if (event instanceof TrainEvent.Step st) {
            if (Double.isNaN(first)) first = st.loss();
            last = st.loss();
        }
        if (event instanceof TrainEvent.Eval ev) lastVal = ev.val();
        next.on(event);
    }

    /** The first update's training loss (NaN before any update). */
    public double first() {
        return first;
    }

    /** The latest update's training loss (NaN before any update). */
    public double last() {
        return last;
    }

    /** The latest evaluation's validation figure (NaN before any evaluation). */
    public double lastVal() {
        return lastVal;
    }
}
