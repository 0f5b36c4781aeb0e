package io.genai4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the PyTorch peers under {@code bench/peers} are run: by Debian's {@code /usr/bin/python3}
 * (python3-torch lives there, outside any virtualenv; GENAI_PYTHON overrides), with OpenBLAS as the
 * libblas of the torch process when there is one.
 */
final class TorchPeer {
    static final String PYTHON = "/usr/bin/python3";

    private TorchPeer() {}

    /**
     * The torch process's environment: OpenBLAS as its libblas when there is one (Debian's torch is
     * built against the generic libblas interface), and without this machine's OPENBLAS_CORETYPE pin,
     * so OpenBLAS picks its kernels for the real CPU. peerBlas (--peer-blas) is a folder with
     * libblas.so.3, or null for the one bench/scripts/install-torch.sh unpacks.
     */
    static Map<String, String> env(Path peerBlas) {
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
}
