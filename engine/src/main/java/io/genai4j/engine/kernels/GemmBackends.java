package io.genai4j.engine.kernels;

import java.util.Locale;

/**
 * Chooses the {@link Gemm} every matmul in the engine goes through. The pure-Java backend is the
 * default; {@code -Dgenai.backend=openblas} (or {@code GENAI_BACKEND=openblas}, or {@link #use})
 * selects the OpenBLAS backend when a native OpenBLAS library can be found.
 */
public final class GemmBackends {

    private static volatile Gemm current;

    private GemmBackends() {}

    /** The backend in use. */
    public static Gemm current() {
        Gemm g = current;
        if (g == null) {
            synchronized (GemmBackends.class) {
                if (current == null) {
                    String name = System.getProperty("genai.backend", System.getenv("GENAI_BACKEND"));
                    current = byName(name == null || name.isBlank() ? "java" : name);
                }
                g = current;
            }
        }
        return g;
    }

    /** Selects a backend by name for the rest of the process. */
    public static void use(String name) {
        current = byName(name);
    }

    /** The backend of that name: "java" or "openblas"; a clear error for anything else. */
    public static Gemm byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT).trim()) {
            case "java" -> JavaGemm.INSTANCE;
            case "openblas" -> OpenBlasGemm.load();
            default -> throw new IllegalArgumentException(
                    "unknown GEMM backend '" + name + "': expected java or openblas");
        };
    }
}
