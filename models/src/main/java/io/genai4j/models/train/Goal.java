package io.genai4j.models.train;

/** Which way the validation figure improves: a loss goes down, an accuracy goes up. */
public enum Goal {
    MINIMIZE, MAXIMIZE;

    double worst() {
        return this == MINIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    boolean better(double candidate, double best) {
        return this == MINIMIZE ? candidate < best : candidate > best;
    }
}
