package io.genai4j.bench;

import java.lang.management.ManagementFactory;

/**
 * Seconds of our side and of a peer, timed in rounds that alternate the order (A B, B A, A B, ...)
 * so that whatever else the machine runs weighs on both alike. Each side's work returns the seconds
 * it measured itself (warm-up and set-up stay outside); without a peer only our side runs.
 */
final class Interleaved {
    /** Timed work: returns the seconds it measured. */
    @FunctionalInterface
    interface Timed {
        double seconds() throws Exception;
    }

    private double ours, peer;

    /** Round {@code r} (from 0): ours first in even rounds, the peer first in odd ones; a null peer is left out. */
    void round(int r, Timed oursSide, Timed peerSide) throws Exception {
        boolean oursFirst = r % 2 == 0;
        if (oursFirst) ours += oursSide.seconds();
        if (peerSide != null) peer += peerSide.seconds();
        if (!oursFirst) ours += oursSide.seconds();
    }

    /** Our seconds over all rounds. */
    double ours() {
        return ours;
    }

    /** The peer's seconds over all rounds (0 without a peer). */
    double peer() {
        return peer;
    }

    /** The one-minute load average, reported beside the figures: interleaving evens out load, it does not remove it. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The total of a peer's per-step seconds. */
    static double sum(double[] seconds) {
        double s = 0;
        for (double x : seconds) s += x;
        return s;
    }
}
