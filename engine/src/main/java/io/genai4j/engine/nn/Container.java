package io.genai4j.engine.nn;

/**
 * A module that only groups children under names, like PyTorch's ModuleDict and ModuleList: it
 * gives checkpoints their structure ("transformer.h.0...") without adding parameters of its own.
 */
public final class Container extends Module {

    /** Adds a child under a name and returns it. */
    public <M extends Module> M put(String name, M child) {
        return add(name, child);
    }
}
