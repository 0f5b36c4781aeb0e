package io.genai4j.models.llama;

import io.genai4j.engine.infer.DecoderPlan;
import io.genai4j.engine.infer.DecoderRuntime;
import java.util.function.Supplier;

/**
 * A loaded model's one {@link DecoderRuntime}, planned on first use (planning scans the matrices and
 * copies the norms, which a model used only through its modules never needs), then shared by every
 * session.
 */
final class LazyRuntime {
    private final Supplier<DecoderPlan> planner;
    private volatile DecoderRuntime runtime;

    LazyRuntime(Supplier<DecoderPlan> planner) {
        this.planner = planner;
    }

    DecoderRuntime get() {
        DecoderRuntime r = runtime;
        if (r == null) {
            synchronized (this) {   // held only while planning, never across a forward pass
                r = runtime;
                if (r == null) runtime = r = new DecoderRuntime(planner.get());
            }
        }
        return r;
    }
}
