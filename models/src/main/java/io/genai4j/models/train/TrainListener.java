package io.genai4j.models.train;

/** Receives a run's events on the training thread; keep it quick (a progress bar, a chart). */
@FunctionalInterface
public interface TrainListener {
    TrainListener NONE = e -> {};

    void on(TrainEvent event);

    /** This listener, then {@code next}, for every event. */
    default TrainListener andThen(TrainListener next) {
        return e -> {
            on(e);
            next.on(e);
        };
    }
}
