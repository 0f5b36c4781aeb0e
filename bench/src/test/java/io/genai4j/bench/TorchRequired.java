package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The PyTorch peer tests' precondition: Debian's python3-torch under /usr/bin/python3. */
final class TorchRequired {
    private TorchRequired() {}

    /** Skips without PyTorch; under CI installs it with the project's script first, and fails if that does not help. */
    static void check() throws Exception {
        boolean ok = succeeds(TorchPeer.PYTHON, "-c", "import torch");
        if (!ok && System.getenv("CI") != null) {
            Path script = Path.of("").toAbsolutePath().getParent().resolve("bench/scripts/install-torch.sh");
            ok = succeeds("bash", script.toString()) && succeeds(TorchPeer.PYTHON, "-c", "import torch");
            if (!ok) fail("PyTorch missing under CI and " + script + " did not install it");
        }
        assumeTrue(ok, "PyTorch is not installed (bench/scripts/install-torch.sh)");
    }

    private static boolean succeeds(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.MINUTES) && p.exitValue() == 0;
    }
}
