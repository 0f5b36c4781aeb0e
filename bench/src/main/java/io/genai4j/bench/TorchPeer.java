package io.genai4j.bench;

import io.genai4j.engine.kernels.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The PyTorch peer of a benchmark as the user asks for it ({@code --peer torch}, {@code --peer-blas},
 * {@code --check-only}; a picocli mixin), and how its scripts under {@code bench/peers} are run: by
 * Debian's {@code /usr/bin/python3} (python3-torch lives there, outside any virtualenv; GENAI_PYTHON
 * overrides), with OpenBLAS as the libblas of the torch process when there is one.
 */
public final class TorchPeer {
    static final String PYTHON = "/usr/bin/python3";

    @Option(names = "--peer", paramLabel = "NAME", description = "torch: also run it in PyTorch (/usr/bin/python3 or GENAI_PYTHON; bench/scripts/install-torch.sh).") String peer;
    @Option(names = "--peer-blas", paramLabel = "DIR", description = "A folder with libblas.so.3 for PyTorch (default: the OpenBLAS bench/scripts/install-torch.sh unpacks"
            + " under ~/.cache/genai4j/openblas when it is there; Debian's python3-torch otherwise runs on the system's libblas, reference BLAS by default).") Path peerBlas;
    @Option(names = "--check-only", description = "Only the numerical cross-check against the peer, no timing.") boolean checkOnly;

    /** User errors: a peer other than torch, --check-only without one. */
    void validate() {
        if (peer != null && !peer.trim().equalsIgnoreCase("torch")) throw new IllegalArgumentException("unknown peer '" + peer + "': expected torch");
        if (checkOnly && peer == null) throw new IllegalArgumentException("--check-only needs --peer torch");
    }

    /** Whether --peer torch was given. */
    boolean on() {
        return peer != null;
    }

    boolean checkOnly() {
        return checkOnly;
    }

    /**
     * The torch process's environment: OpenBLAS as its libblas when there is one (Debian's torch is
     * built against the generic libblas interface), and without this machine's OPENBLAS_CORETYPE pin,
     * so OpenBLAS picks its kernels for the real CPU.
     */
    Map<String, String> env() {
        Path dir = peerBlas != null ? peerBlas
                : Path.of(System.getProperty("user.home"), ".cache/genai4j/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread");
        if (peerBlas != null && !Files.isRegularFile(dir.resolve("libblas.so.3"))) {
            throw new IllegalArgumentException("--peer-blas " + dir + ": no libblas.so.3 there");
        }
        Map<String, String> env = new LinkedHashMap<>(Map.of("OPENBLAS_CORETYPE", "", "OPENBLAS_L2_SIZE", ""));
        if (Files.isRegularFile(dir.resolve("libblas.so.3"))) {
            String old = System.getenv("LD_LIBRARY_PATH");
            env.put("LD_LIBRARY_PATH", dir + (old == null || old.isEmpty() ? "" : ":" + old));
        }
        return env;
    }

    /**
     * The numerical cross-check: {@code SCRIPT --check IN OUT} takes one step from what IN holds and
     * writes its results to OUT. False, with the reason on stderr, when there is no PyTorch to run it.
     */
    boolean check(String script, Path in, Path out) throws IOException {
        try {
            PythonPeer.runOnce(script, List.of("--check", in.toString(), out.toString(), "--threads", "" + Parallel.threads()), PYTHON, env());
            return true;
        } catch (PythonPeer.Unavailable e) {
            System.err.println("genai: no PyTorch check: " + e.getMessage());
            return false;
        }
    }

    /** The timing peer: {@code SCRIPT --serve IN --threads N ARGS...}, with the thread count of this side. */
    PythonPeer serve(String script, Path in, String... args) throws PythonPeer.Unavailable {
        List<String> all = new ArrayList<>(List.of("--serve", in.toString(), "--threads", "" + Parallel.threads()));
        all.addAll(List.of(args));
        return PythonPeer.serve(script, all, PYTHON, env());
    }
}
