package io.genai4j.engine.nn;

import io.genai4j.engine.DType;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A building block of a network: it owns named parameters (trainable tensors), named buffers
 * (fixed tensors such as a sinusoidal table) and named child modules. Hierarchical names fall out
 * of the tree — {@code h.0.attn.c_attn.weight} — so checkpoints match nanoGPT and Hugging Face
 * names without a mapping table.
 */
public abstract class Module {

    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a child module under a name and returns it. */
    protected <M extends Module> M add(String name, M child) {
        checkName(name);
        children.put(name, child);
        return child;
    }

    /** Registers a trainable parameter (it will require gradients) and returns it. */
    protected Tensor param(String name, Tensor value) {
        checkName(name);
        if (!value.isContiguous() || value.dtype() != DType.F32) {
            throw new IllegalArgumentException("parameter " + name + " must be a contiguous F32 tensor");
        }
        params.put(name, value.requiresGrad(true));
        return value;
    }

    /** Registers a fixed tensor that is saved with the module but not trained. */
    protected Tensor buffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value);
        return value;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) throw new IllegalArgumentException("bad module member name '" + name + "'");
        if (params.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("duplicate module member name '" + name + "'");
        }
    }

    /** All parameters of this module and its descendants, by hierarchical name, in registration order. */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, false);
        return out;
    }

    /** Parameters and buffers by hierarchical name: what a checkpoint holds. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, boolean withBuffers) {
        for (var e : params.entrySet()) out.putIfAbsent(prefix + e.getKey(), e.getValue());
        if (withBuffers) for (var e : buffers.entrySet()) out.putIfAbsent(prefix + e.getKey(), e.getValue());
        for (var e : children.entrySet()) e.getValue().collect(prefix + e.getKey() + ".", out, withBuffers);
    }

    /** Distinct parameters (a tensor shared by two modules — tied weights — appears once). */
    public List<Tensor> parameters() {
        List<Tensor> out = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (Tensor t : namedParameters().values()) if (seen.put(t, Boolean.TRUE) == null) out.add(t);
        return out;
    }

    /** Number of distinct trainable scalars. */
    public long numParameters() {
        long n = 0;
        for (Tensor t : parameters()) n += t.numel();
        return n;
    }

    public Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Training mode (dropout active) for this module and its descendants. */
    public void train(boolean on) {
        training = on;
        for (Module c : children.values()) c.train(on);
    }

    /** Inference mode. */
    public void eval() {
        train(false);
    }

    public boolean isTraining() {
        return training;
    }

    public void zeroGrad() {
        for (Tensor t : parameters()) t.zeroGrad();
    }

    /** Stops gradients to every parameter (a frozen encoder). */
    public void freeze() {
        for (Tensor t : parameters()) t.requiresGrad(false);
    }

    /**
     * Strict {@link #loadStateDict} of weights read from {@code source} (a file, or what stands for
     * it in messages): a missing, unexpected or misshapen tensor is one error that names the source.
     */
    public void loadStateDict(Map<String, Tensor> state, String source) {
        try {
            loadStateDict(state, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /**
     * Copies values from a state dict into this module's parameters and buffers (converting F16/BF16
     * to F32). With strict, missing and unexpected names are errors listing the names.
     */
    public void loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> mine = stateDict();
        if (strict) {
            TreeSet<String> missing = new TreeSet<>(mine.keySet());
            missing.removeAll(state.keySet());
            TreeSet<String> unexpected = new TreeSet<>(state.keySet());
            unexpected.removeAll(mine.keySet());
            if (!missing.isEmpty() || !unexpected.isEmpty()) {
                throw new IllegalArgumentException("state dict does not match the model: missing " + abbreviate(missing)
                        + ", unexpected " + abbreviate(unexpected));
            }
        }
        for (var e : mine.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src == null) continue;
            Tensor dst = e.getValue();
            if (!Arrays.equals(src.shape(), dst.shape())) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " has shape " + Shape.str(src.shape())
                        + " in the checkpoint but " + Shape.str(dst.shape()) + " in the model");
            }
            float[] values = src.to(DType.F32).toArray();
            System.arraycopy(values, 0, dst.data(), dst.offset(), values.length);
        }
    }

    private static String abbreviate(TreeSet<String> names) {
        if (names.isEmpty()) return "none";
        List<String> l = new ArrayList<>(names);
        return l.size() <= 8 ? l.toString() : l.subList(0, 8) + " and " + (l.size() - 8) + " more";
    }
}
