package io.genai4j.models.bert;

import io.genai4j.engine.Rng;
import io.genai4j.engine.io.onnx.OnnxGraph;
import io.genai4j.engine.io.onnx.OnnxModel;
import io.genai4j.engine.io.onnx.OnnxNode;
import io.genai4j.engine.io.onnx.OnnxTensor;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a BERT encoder from the initializers of an ONNX export (Hugging Face → torch.onnx, as in
 * Xenova's and LangChain4j's files). Embeddings, biases and LayerNorm parameters keep their Hugging
 * Face names; the weight matrices are anonymous ({@code onnx::MatMul_787}) and stored [in, out]
 * for {@code MatMul(x, W)}. Each is named by the graph: its MatMul's output feeds an Add with a
 * named bias ({@code encoder.layer.0.attention.self.query.bias}), so the weight is that name with
 * ".weight", transposed to [out, in].
 *
 * <p>The shape (layers, hidden, heads...) is read from the tensors; the head count from the
 * Reshape that splits heads (its target shape is Concat(batch, seq, heads, head_dim)).
 */
public final class OnnxBert {
    private OnnxBert() {}

    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");

    public static BertModel load(Path onnx) throws IOException {
        try (OnnxModel m = OnnxModel.open(onnx)) {
            return load(m.graph(), onnx.getFileName().toString());
        }
    }

    static BertModel load(OnnxGraph g, String what) {
        Map<String, OnnxTensor> named = new HashMap<>(g.initializers());
        Map<String, Supplier<float[]>> weights = new HashMap<>();
        for (OnnxTensor t : named.values()) weights.put(t.name(), t::floats);
        for (var e : matMulWeights(g).entrySet()) {
            OnnxTensor w = e.getValue();
            int[] s = w.shape();
            if (s.length != 2) throw new IllegalArgumentException(what + ": MatMul weight " + Printable.of(w.name()) + " is not 2-D");
            weights.put(e.getKey(), () -> WeightLoading.transpose(w.floats(), s[0], s[1]));
        }
        BertConfig config = config(g, named, what);
        long values = 0;
        for (OnnxTensor t : named.values()) values += t.numel();
        WeightLoading.requireValues(config, values, what);
        BertModel model = new BertModel(config, new Rng(0));
        WeightLoading.load(model, what, weights::get);
        return model.prepareInference();
    }

    /** HF weight name → the ONNX initializer holding it (transposed). */
    static Map<String, OnnxTensor> matMulWeights(OnnxGraph g) {
        Map<String, OnnxNode> consumerAdd = new HashMap<>();
        for (OnnxNode n : g.nodes()) if (n.opType().equals("Add")) for (String in : n.inputs()) consumerAdd.put(in, n);
        Map<String, OnnxTensor> out = new HashMap<>();
        for (OnnxNode mm : g.nodes("MatMul")) {
            if (mm.inputs().size() != 2 || !g.initializers().containsKey(mm.inputs().get(1))) continue;
            OnnxNode add = consumerAdd.get(mm.outputs().get(0));
            if (add == null) continue;
            for (String in : add.inputs()) {
                if (in.endsWith(".bias") && g.initializers().containsKey(in)) {
                    out.put(in.substring(0, in.length() - ".bias".length()) + ".weight", g.initializers().get(mm.inputs().get(1)));
                }
            }
        }
        return out;
    }

    static BertConfig config(OnnxGraph g, Map<String, OnnxTensor> t, String what) {
        OnnxTensor word = require(t, "embeddings.word_embeddings.weight", what);
        OnnxTensor pos = require(t, "embeddings.position_embeddings.weight", what);
        OnnxTensor type = require(t, "embeddings.token_type_embeddings.weight", what);
        OnnxTensor inter = require(t, "encoder.layer.0.intermediate.dense.bias", what);
        int layers = 0;
        for (String name : t.keySet()) {
            Matcher m = LAYER.matcher(name);
            // A layer index beyond the initializer count cannot be a real layer (and may not fit an int).
            if (m.find()) {
                if (m.group(1).length() > 9 || Integer.parseInt(m.group(1)) >= t.size()) {
                    throw new IllegalArgumentException(what + ": initializer '" + Printable.of(name) + "' names a layer beyond the " + t.size() + " initializers");
                }
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        int[] w = rank(word, 2, what), p = rank(pos, 2, what), ty = rank(type, 2, what), in = rank(inter, 1, what);
        int hidden = w[1];
        if (p[1] != hidden || ty[1] != hidden) {
            throw new IllegalArgumentException(what + ": embedding widths differ: word " + hidden + ", position " + p[1] + ", token type " + ty[1]);
        }
        return new BertConfig(w[0], hidden, layers, heads(g, hidden, what), in[0], p[0], ty[0], 1e-12f);
    }

    /** The h of the Reshape target Concat(…, h, d) with h·d = hidden: how the export splits heads. */
    static int heads(OnnxGraph g, int hidden, String what) {
        Map<String, Long> constants = new HashMap<>();
        for (OnnxNode n : g.nodes("Constant")) {
            var v = n.attribute("value");
            if (v != null && v.t() != null && v.t().numel() == 1 && !v.t().dtype().isFloat()) constants.put(n.outputs().get(0), v.t().longs()[0]);
        }
        for (OnnxNode c : g.nodes("Concat")) {
            var in = c.inputs();
            if (in.size() != 4) continue;
            Long h = constants.get(in.get(2)), d = constants.get(in.get(3));
            if (h != null && d != null && h > 0 && h * d == hidden) return (int) (long) h;
        }
        throw new IllegalArgumentException(what + ": cannot find the number of attention heads in the graph");
    }

    private static int[] rank(OnnxTensor x, int rank, String what) {
        int[] s = x.shape();
        if (s.length != rank) throw new IllegalArgumentException(what + ": " + x.name() + " has " + s.length + " dimensions, expected " + rank);
        return s;
    }

    private static OnnxTensor require(Map<String, OnnxTensor> t, String name, String what) {
        OnnxTensor x = t.get(name);
        if (x == null) throw new IllegalArgumentException(what + " is not a BERT encoder export: no initializer " + name);
        return x;
    }
}
