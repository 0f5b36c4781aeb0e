package io.genai4j.cli;

import io.genai4j.engine.kernels.Parallel;
import picocli.CommandLine.Option;

/**
 * {@code --threads N} for every command that computes. Like llama.cpp's {@code -t}, more threads
 * than cores are allowed (someone may measure oversubscription on purpose) but never silently:
 * each extra thread takes a core from another, and the kernels' spin-then-park workers slow down.
 */
public final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores; more than the cores is allowed, with a warning).")
    Integer threads;

    /**
     * Sets the engine's thread count if --threads was given, warning on stderr above the core count
     * (also when the count came from GENAI_THREADS or -Dgenai.threads instead).
     */
    public void apply() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads == null) {
            String warning = warning("GENAI_THREADS / -Dgenai.threads", Parallel.threads(), cores);
            if (warning != null) System.err.println(warning);
            return;
        }
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        String warning = warning("--threads", threads, cores);
        if (warning != null) System.err.println(warning);
        Parallel.setThreads(threads);
    }

    /** The warning for n threads on a machine of the given cores, or null when there is none. */
    static String warning(String source, int n, int cores) {
        if (n <= cores) return null;
        return "genai: warning: " + source + " " + n + " is more than the " + cores + " core" + (cores == 1 ? "" : "s")
                + " this machine has; the extra threads share cores and usually make it slower";
    }
}
