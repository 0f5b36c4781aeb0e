package io.genai4j.llm.lora;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.util.Printable;
import io.genai4j.models.llama.LlamaConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An adapter as files hold it, independent of a loaded model: its config and, per adapted layer
 * (dotted Hugging Face module name), A [r, in] and B [out, r] in Hugging Face's row order. Taken from
 * a live {@link LoraAdapter} and put onto a model (any base format: an adapter trained on a quantized
 * GGUF base loads on the F16 or safetensors base), converting Llama's Q/K rows as {@link RotaryRows} says.
 */
public record LoraWeights(LoraConfig config, Map<String, Tensor> a, Map<String, Tensor> b) {
    public LoraWeights {
        a = Map.copyOf(new LinkedHashMap<>(a));
        b = Map.copyOf(new LinkedHashMap<>(b));
        if (!a.keySet().equals(b.keySet())) throw new IllegalArgumentException("every adapted layer needs both lora_A and lora_B: " + a.keySet() + " vs " + b.keySet());
        for (String m : a.keySet()) {
            Tensor ta = a.get(m), tb = b.get(m);
            if (ta.dim() != 2 || tb.dim() != 2 || ta.size(0) != config.rank() || tb.size(1) != config.rank()) {
                throw new IllegalArgumentException("layer " + Printable.of(m) + ": lora_A " + Shape.str(ta.shape()) + " and lora_B "
                        + Shape.str(tb.shape()) + " do not have rank " + config.rank());
            }
        }
    }

    /** The adapted layers' names, sorted. */
    public List<String> modules() {
        List<String> l = new ArrayList<>(a.keySet());
        l.sort(null);
        return l;
    }

    /** Copies the live adapter, Q/K rows turned to Hugging Face order when the model (config c) holds them in llama.cpp's. */
    public static LoraWeights of(LoraAdapter adapter, LlamaConfig c) {
        RotaryRows rows = RotaryRows.ggufOrder(c) ? RotaryRows.of(c) : RotaryRows.NONE;
        Map<String, Tensor> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        for (var e : adapter.layers().entrySet()) {
            LoraLinear l = e.getValue();
            a.put(e.getKey(), copy(l.loraA.weight));
            b.put(e.getKey(), copy(rows.toHf(e.getKey(), l.loraB.weight)));
        }
        return new LoraWeights(adapter.config(), a, b);
    }

    /**
     * Wraps the model's layers named here with adapters holding these weights, at {@code strength}
     * times the config's scale; every name must be a Linear of the model with the right shape.
     */
    public LoraAdapter applyTo(Module model, LlamaConfig c, float strength) {
        RotaryRows rows = RotaryRows.ggufOrder(c) ? RotaryRows.of(c) : RotaryRows.NONE;
        LoraTargets exact = LoraTargets.regex(String.join("|", modules().stream().map(java.util.regex.Pattern::quote).toList()));
        List<String> have = LinearSite.of(model).stream().map(LinearSite::name).toList();
        for (String m : modules()) if (!have.contains(m)) throw new IllegalArgumentException("the adapter's layer " + Printable.of(m) + " is not a Linear layer of the model");
        LoraAdapter adapter = LoraAdapter.wrap(model, config, exact, config.scaling() * strength, new Rng(0));
        for (var e : adapter.layers().entrySet()) {
            LoraLinear l = e.getValue();
            load(e.getKey() + ".lora_A.weight", a.get(e.getKey()), l.loraA.weight);
            load(e.getKey() + ".lora_B.weight", rows.toGguf(e.getKey(), b.get(e.getKey())), l.loraB.weight);
        }
        adapter.train(false);
        return adapter;
    }

    private static void load(String name, Tensor src, Tensor dst) {
        if (!java.util.Arrays.equals(src.shape(), dst.shape())) {
            throw new IllegalArgumentException("adapter tensor " + Printable.of(name) + " has shape " + Shape.str(src.shape())
                    + " but the model's layer needs " + Shape.str(dst.shape()));
        }
        float[] v = src.to(io.genai4j.engine.DType.F32).contiguous().toArray();
        System.arraycopy(v, 0, dst.data(), dst.offset(), v.length);
    }

    private static Tensor copy(Tensor t) {
        return Tensor.of(t.contiguous().toArray(), t.shape());
    }
}
