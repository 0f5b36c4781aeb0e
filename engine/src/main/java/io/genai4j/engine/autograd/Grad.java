package io.genai4j.engine.autograd;

/**
 * Switches gradient recording on and off for the current thread.
 * <pre>{@code try (var g = Grad.off()) { logits = model.forward(x); } }</pre>
 * Inside the scope ops record nothing, so inference keeps no graph alive.
 */
public final class Grad implements AutoCloseable {

    private static final ThreadLocal<int[]> DISABLED = ThreadLocal.withInitial(() -> new int[1]);

    private final int[] depth;

    private Grad(int[] depth) {
        this.depth = depth;
    }

    /** Disables recording until the returned scope is closed (scopes nest). */
    public static Grad off() {
        int[] d = DISABLED.get();
        d[0]++;
        return new Grad(d);
    }

    /** True when ops on this thread record the graph. */
    public static boolean enabled() {
        return DISABLED.get()[0] == 0;
    }

    @Override
    public void close() {
        depth[0]--;
    }
}
