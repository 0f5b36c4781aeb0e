package io.genai4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * numpy's matmul timed in a Python process that stays up for the whole benchmark, so that Java and
 * numpy rounds can alternate without paying Python's start-up each time. It runs
 * {@code bench/peers/numpy_matmul.py --serve} (see that script for the line protocol) as a
 * {@link PythonPeer}.
 */
final class NumpyPeer implements AutoCloseable {
    static final String SCRIPT = "bench/peers/numpy_matmul.py";

    private final PythonPeer peer;
    private final String description;
    private final String core;

    private NumpyPeer(PythonPeer peer) {
        this.peer = peer;
        JsonNode hello = peer.hello();
        this.description = "numpy " + hello.path("numpy").asText("?") + ", " + hello.path("blas").asText("?")
                + ", core " + hello.path("core").asText("?");
        this.core = hello.path("core").asText("unknown");
    }

    /** Starts the script for an m×k by k×n product on the given threads and waits until it has warmed up. */
    static NumpyPeer start(int m, int n, int k, int threads, int warmup) throws PythonPeer.Unavailable {
        return new NumpyPeer(PythonPeer.serve(SCRIPT, List.of("--serve", "--m", "" + m, "--n", "" + n,
                "--k", "" + k, "--threads", "" + threads, "--warmup", "" + warmup)));
    }

    /** The kernel set numpy's OpenBLAS uses ("SkylakeX"), or "unknown". */
    String core() {
        return core;
    }

    /** "numpy 2.4.6, scipy-openblas 0.3.31, core SkylakeX": what was measured. */
    String description() {
        return description;
    }

    /** Runs untimed products, then timed ones; returns the timed durations in seconds. */
    double[] run(int untimed, int timed) throws IOException {
        return peer.run(untimed, timed);
    }

    @Override
    public void close() {
        peer.close();
    }
}
