package io.genai4j.engine.kernels;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a native OpenBLAS for {@link OpenBlasGemm}, in this order:
 * <ol>
 *   <li>an explicit path: {@code -Dgenai.openblas=/path/lib.so} or {@code GENAI_OPENBLAS} (an error if
 *       it does not load, rather than silently using another library);</li>
 *   <li>the system's OpenBLAS, by name through the dynamic linker's search path, then at the paths
 *       where distributions put it without registering it;</li>
 *   <li>the {@code org.bytedeco:openblas} artifact, when its platform jar is on the class path
 *       (see {@link BundledOpenBlas});</li>
 * </ol>
 * and otherwise fails with a message saying what to install.
 *
 * <p>Libraries are loaded into the global arena: they stay for the life of the process.
 */
final class OpenBlasLibrary {

    static final String PATH_PROPERTY = "genai.openblas";
    static final String PATH_ENV = "GENAI_OPENBLAS";

    /**
     * Names the dynamic linker resolves through its cache and LD_LIBRARY_PATH. The 64-bit-integer
     * builds come last: both work, the LP64 one is the common case.
     */
    private static final String[] SYSTEM_NAMES = systemNames();

    /** Places distributions install OpenBLAS without always putting it on the linker's path. */
    private static final String[] SYSTEM_PATHS = {
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/openblas-serial/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "/usr/lib64/libopenblas.so.0", "/usr/lib/libopenblas.so.0", "/usr/local/lib/libopenblas.so.0",
            "/opt/OpenBLAS/lib/libopenblas.so", "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
            "/usr/local/opt/openblas/lib/libopenblas.dylib"};

    private OpenBlasLibrary() {}

    private static String[] systemNames() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) return new String[] {"libopenblas.0.dylib", "libopenblas.dylib"};
        if (os.startsWith("windows")) return new String[] {"libopenblas.dll", "openblas.dll"};
        return new String[] {"libopenblas.so.0", "libopenblas.so", "libopenblas64_.so.0", "libopenblas64.so.0"};
    }

    static OpenBlasGemm locate() {
        String explicit = System.getProperty(PATH_PROPERTY, System.getenv(PATH_ENV));
        if (explicit != null && !explicit.isBlank()) return explicit(Path.of(explicit.trim()));

        List<String> tried = new ArrayList<>();
        for (String name : SYSTEM_NAMES) {
            Optional<OpenBlasGemm> g = tryLoad(() -> SymbolLookup.libraryLookup(name, Arena.global()), name);
            if (g.isPresent()) return g.get();
            tried.add(name);
        }
        for (String p : SYSTEM_PATHS) {
            Path path = Path.of(p);
            if (!Files.isRegularFile(path)) continue;
            Optional<OpenBlasGemm> g = tryLoad(() -> SymbolLookup.libraryLookup(path, Arena.global()), p);
            if (g.isPresent()) return g.get();
            tried.add(p);
        }

        String bundledProblem;
        try {
            Optional<Path> lib = BundledOpenBlas.prepare();
            if (lib.isPresent()) {
                Path path = lib.get();
                Optional<OpenBlasGemm> g = tryLoad(() -> SymbolLookup.libraryLookup(path, Arena.global()),
                        path + " (extracted from org.bytedeco:openblas)");
                if (g.isPresent()) return g.get();
                bundledProblem = "the org.bytedeco:openblas library at " + path + " did not load";
            } else {
                bundledProblem = "the org.bytedeco:openblas artifact for " + BundledOpenBlas.platform()
                        + " is not on the class path";
            }
        } catch (IOException | RuntimeException e) {
            bundledProblem = "extracting org.bytedeco:openblas failed: " + e.getMessage();
        }

        throw new IllegalStateException("no OpenBLAS library found for the openblas backend."
                + " Tried the system names " + String.join(", ", SYSTEM_NAMES) + " and the usual paths; "
                + bundledProblem + ". Either install it (Debian/Ubuntu: apt-get install libopenblas0;"
                + " Fedora: dnf install openblas; macOS: brew install openblas), or put"
                + " org.bytedeco:openblas:" + BundledOpenBlas.TESTED_VERSION + " with classifier "
                + BundledOpenBlas.platform() + " on the class path, or point -D" + PATH_PROPERTY + " / "
                + PATH_ENV + " at a libopenblas shared library.");
    }

    /** The user named a file: use it or say precisely why not. */
    private static OpenBlasGemm explicit(Path path) {
        String how = "-D" + PATH_PROPERTY + " / " + PATH_ENV;
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(how + " points to " + path + ", which is not a file");
        }
        SymbolLookup lib;
        try {
            lib = SymbolLookup.libraryLookup(path, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot load " + path + " (from " + how + "): " + e.getMessage());
        }
        return OpenBlasGemm.bind(lib, path + " (from " + how + ")").orElseThrow(() -> new IllegalStateException(
                path + " (from " + how + ") has no cblas_sgemm: it is not an OpenBLAS library"));
    }

    private interface Loader {
        SymbolLookup load();
    }

    /** Loads and binds, or returns empty when the library is missing, fails to load, or is no OpenBLAS. */
    private static Optional<OpenBlasGemm> tryLoad(Loader loader, String origin) {
        SymbolLookup lib;
        try {
            lib = loader.load();
        } catch (IllegalArgumentException e) { // what libraryLookup throws when dlopen fails
            return Optional.empty();
        }
        return OpenBlasGemm.bind(lib, origin);
    }
}
