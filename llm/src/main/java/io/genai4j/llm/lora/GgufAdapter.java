package io.genai4j.llm.lora;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.io.gguf.GgufTensorInfo;
import io.genai4j.engine.io.gguf.GgufWriter;
import io.genai4j.engine.quant.BlockCodec;
import io.genai4j.engine.util.Printable;
import io.genai4j.models.llama.GgufNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * llama.cpp's LoRA adapter file, as its convert_lora_to_gguf.py writes it and {@code llama-cli --lora}
 * reads it: {@code general.architecture}, {@code general.type = adapter}, {@code adapter.type = lora},
 * {@code adapter.lora.alpha}, and per adapted weight {@code blk.N.attn_q.weight.lora_a} [r, in] and
 * {@code .lora_b} [out, r] (row-major shapes; in GGUF's ne order (in, r) and (r, out)), B's rows in
 * llama.cpp's Q/K order ({@link RotaryRows}). llama.cpp scales by alpha/r; an rsLoRA adapter (alpha/√r)
 * is written with alpha·√r so the product is the same.
 */
public final class GgufAdapter {
    private GgufAdapter() {}

    /**
     * @param arch the base model's GGUF architecture name (llama, qwen2, qwen3, gpt2)
     * @param rows the base architecture's Q/K permutation
     * @param type F32 or F16 (convert_lora_to_gguf.py's default)
     */
    public static void write(Path file, LoraWeights w, String arch, RotaryRows rows, DType type) throws IOException {
        if (type != DType.F32 && type != DType.F16) throw new IllegalArgumentException("a GGUF adapter is written as F32 or F16, not " + type);
        LoraConfig c = w.config();
        GgufWriter g = new GgufWriter();
        g.putString("general.architecture", arch);
        g.putString("general.type", "adapter");
        g.putString("general.name", c.baseModel().isEmpty() ? "genai4j LoRA" : "genai4j LoRA on " + c.baseModel());
        g.putString("adapter.type", "lora");
        g.putF32("adapter.lora.alpha", c.rsLora() ? (float) (c.alpha() * Math.sqrt(c.rank())) : c.alpha());
        for (String m : w.modules()) {
            String name = ggufName(m);
            add(g, name + ".lora_a", w.a().get(m), type);
            add(g, name + ".lora_b", rows.toGguf(m, w.b().get(m)), type);
        }
        g.write(file);
    }

    private static void add(GgufWriter g, String name, Tensor t, DType type) {
        int rows = t.size(0), cols = t.size(1);
        g.addTensor(name, type, new long[] {rows, cols}, BlockCodec.encodeRows(type, t.contiguous().toArray(), rows, cols));
    }

    static String ggufName(String layer) {
        String g = GgufNames.toGguf(layer + ".weight");
        if (g == null) throw new IllegalArgumentException("layer " + Printable.of(layer) + " has no llama.cpp tensor name");
        return g;
    }

    /**
     * Reads an adapter for a model whose Linear layers have these (Hugging Face) names; B comes back
     * in Hugging Face order. The file's tensors must all belong to those layers.
     */
    public static LoraWeights read(Path file, List<String> modelLayers, RotaryRows rows) throws IOException {
        Map<String, String> byGguf = new LinkedHashMap<>();
        for (String l : modelLayers) {
            String g = GgufNames.toGguf(l + ".weight");
            if (g != null) byGguf.put(g, l);
        }
        try (GgufFile f = GgufFile.open(file)) {
            var meta = f.metadata();
            if (!"adapter".equals(meta.string("general.type", "")) || !"lora".equals(meta.string("adapter.type", ""))) {
                throw new IllegalArgumentException(file + " is not a LoRA adapter (general.type " + Printable.of(meta.string("general.type", "none"))
                        + ", adapter.type " + Printable.of(meta.string("adapter.type", "none")) + ")");
            }
            Map<String, Tensor> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
            LinkedHashSet<String> kinds = new LinkedHashSet<>();
            int rank = -1;
            for (GgufTensorInfo t : f.tensors()) {
                String n = t.name();
                boolean isA = n.endsWith(".lora_a"), isB = n.endsWith(".lora_b");
                String base = isA || isB ? byGguf.get(n.substring(0, n.length() - 7)) : null;
                if (base == null) throw new IllegalArgumentException(file + ": tensor " + Printable.of(n) + " is not the lora_a/lora_b of a layer of the model");
                Tensor x = f.tensor(n).to(DType.F32);
                Tensor copy = Tensor.of(x.contiguous().toArray(), x.shape());
                if (isA) {
                    a.put(base, copy);
                    rank = copy.size(0);
                } else {
                    b.put(base, rows.toHf(base, copy));
                }
                kinds.add(base.substring(base.lastIndexOf('.') + 1));
            }
            if (rank < 1) throw new IllegalArgumentException(file + " holds no lora_a tensor");
            float alpha = meta.float32("adapter.lora.alpha", 0f);
            LoraConfig c = new LoraConfig(rank, alpha == 0f ? rank : alpha, 0f, false, LoraTargets.names(List.copyOf(kinds)), "");
            try {
                return new LoraWeights(c, a, b);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
