package io.genai4j.llm.lora;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Container;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.engine.nn.Module;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of {@link LoraLinear} adapters wrapped around the targeted layers of one model. The adapters
 * sit in a module tree of their own that mirrors the model's names, so the adapter's state dict reads
 * {@code model.layers.0.self_attn.q_proj.lora_A.weight} (PEFT's keys without its
 * {@code base_model.model.} prefix) while the model's own state dict is unchanged. Once wrapped, the
 * model's forward pass includes every side path; {@link #detach} restores the plain model.
 */
public final class LoraAdapter implements TrainedWeights {
    private final LoraConfig config;
    private final Container root = new Container();
    private final Map<String, LoraLinear> layers = new LinkedHashMap<>();

    private LoraAdapter(LoraConfig config) {
        this.config = config;
    }

    /** Wraps the model's targeted Linear layers with new adapters (B zero: the model is unchanged until trained). */
    public static LoraAdapter wrap(Module model, LoraConfig config, Rng rng) {
        return wrap(model, config, config.targets(), config.scaling(), rng);
    }

    /**
     * As {@link #wrap(Module, LoraConfig, Rng)} on the layers {@code select} matches (an adapter read
     * from a file names its layers exactly) with an explicit side-path scale (a user's strength).
     */
    public static LoraAdapter wrap(Module model, LoraConfig config, LoraTargets select, float scale, Rng rng) {
        LoraAdapter a = new LoraAdapter(config);
        for (LinearSite s : LinearSite.select(LinearSite.of(model), select)) {
            a.put(s.name(), new LoraLinear(s.layer(), config.rank(), scale, config.dropout(), rng));
        }
        return a;
    }

    private void put(String name, LoraLinear l) {
        String[] parts = name.split("\\.");
        Module at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Module next = at.children().get(parts[i]);
            at = next != null ? next : ((Container) at).put(parts[i], new Container());
        }
        ((Container) at).put(parts[parts.length - 1], l);
        layers.put(name, l);
    }

    public LoraConfig config() {
        return config;
    }

    /** The adapters by the dotted name of the layer they wrap. */
    public Map<String, LoraLinear> layers() {
        return java.util.Collections.unmodifiableMap(layers);
    }

    /** The trainable tensors: every A and B. */
    @Override
    public List<Tensor> parameters() {
        return root.parameters();
    }

    /** A and B by name ({@code <layer>.lora_A.weight}, {@code <layer>.lora_B.weight}), in the model's row order. */
    public Map<String, Tensor> stateDict() {
        return root.stateDict();
    }

    /** Dropout on (training) or off. */
    @Override
    public void train(boolean on) {
        root.train(on);
    }

    /** Trainable against all parameters of the model with this adapter, as PEFT prints them. */
    public TrainableParameters trainable(Module model) {
        long base = 0;
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (Tensor t : model.stateDict().values()) if (seen.put(t, Boolean.TRUE) == null) base += t.numel();
        long trainable = 0;
        for (LoraLinear l : layers.values()) trainable += l.numParameters();
        return new TrainableParameters(trainable, base + trainable);
    }

    /** Adds s·B·A into every (F32) base weight; the side paths are then skipped. */
    public void merge() {
        for (LoraLinear l : layers.values()) l.merge();
    }

    public void unmerge() {
        for (LoraLinear l : layers.values()) l.unmerge();
    }

    /** Takes every side path away (unmerging first): the model is the base model again. */
    public void detach() {
        for (LoraLinear l : layers.values()) l.detach();
    }
}
