package io.genai4j.course.tour;

/**
 * One narrated step of {@code genai tour}. Each lesson adds its steps by implementing this and
 * listing the class in {@code META-INF/services/io.genai4j.course.tour.TourStep}; the tour finds
 * them with {@link java.util.ServiceLoader} and runs them by {@link #position()}.
 */
public interface TourStep {
    /** Order in the tour: the n-gram lesson uses 100-199, the ladder comes last at 900. */
    int position();

    String title();

    /** Runs the step, narrating to {@code ctx.say()}; returns a one-line headline and figures for JSON. */
    StepResult run(TourContext ctx) throws Exception;
}
