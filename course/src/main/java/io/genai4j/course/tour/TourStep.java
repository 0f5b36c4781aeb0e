package io.genai4j.course.tour;

/**
 * One narrated step of {@code genai tour}. Each lesson adds its steps by extending this and listing
 * the class in {@code META-INF/services/io.genai4j.course.tour.TourStep}; the tour finds them with
 * {@link java.util.ServiceLoader} (so a step keeps a public no-argument constructor) and runs them by
 * {@link #position()}.
 */
public abstract class TourStep {
    private final int position;
    private final String title;

    protected TourStep(int position, String title) {
        this.position = position;
        this.title = title;
    }

    /** Order in the tour: the n-gram lesson uses 100-199, the ladder comes last at 900. */
    public final int position() {
        return position;
    }

    public final String title() {
        return title;
    }

    /** Runs the step, narrating to {@code ctx.say()}; returns a one-line headline and figures for JSON. */
    public abstract StepResult run(TourContext ctx) throws Exception;
}
