package io.genai4j.llm.lora;

import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.llama.ModelPreset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Linear layer of a model by its dotted module name and shape [out, in]: what targeting sees. It
 * comes from a module tree, or from a preset's shapes alone (counting a 1B model's adapter needs no weights).
 *
 * @param layer the layer, or null for a site known by shape only
 */
public record LinearSite(String name, int out, int in, Linear layer) {

    /** Every Linear registered in the tree, depth first in registration order. */
    public static List<LinearSite> of(Module root) {
        List<LinearSite> out = new ArrayList<>();
        collect("", root, out);
        return out;
    }

    private static void collect(String prefix, Module m, List<LinearSite> out) {
        if (m instanceof Linear l) {
            out.add(new LinearSite(prefix.substring(0, prefix.length() - 1), l.outFeatures(), l.inFeatures(), l));
            return;
        }
        for (Map.Entry<String, Module> c : m.children().entrySet()) collect(prefix + c.getKey() + ".", c.getValue(), out);
    }

    /** The Linear layers of a Llama/Qwen model of a preset's shapes, with Hugging Face's names. */
    public static List<LinearSite> of(ModelPreset p) {
        int d = p.dim(), q = p.heads() * p.headDim(), kv = p.kvHeads() * p.headDim();
        List<LinearSite> out = new ArrayList<>();
        for (int l = 0; l < p.layers(); l++) {
            String a = "model.layers." + l + ".self_attn.", f = "model.layers." + l + ".mlp.";
            out.add(new LinearSite(a + "q_proj", q, d, null));
            out.add(new LinearSite(a + "k_proj", kv, d, null));
            out.add(new LinearSite(a + "v_proj", kv, d, null));
            out.add(new LinearSite(a + "o_proj", d, q, null));
            out.add(new LinearSite(f + "gate_proj", p.ffn(), d, null));
            out.add(new LinearSite(f + "up_proj", p.ffn(), d, null));
            out.add(new LinearSite(f + "down_proj", d, p.ffn(), null));
        }
        if (!p.tied()) out.add(new LinearSite("lm_head", p.vocab(), d, null));
        return out;
    }

    /** The sites the targets select; none is an error naming the targets, as PEFT raises one. */
    public static List<LinearSite> select(List<LinearSite> sites, LoraTargets targets) {
        List<LinearSite> out = sites.stream().filter(s -> targets.matches(s.name())).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("LoRA target modules " + (targets.regex() != null ? targets.regex() : targets.names())
                    + " match no Linear layer of the model (its layers are named like " + sites.stream().limit(3).map(LinearSite::name).toList() + ")");
        }
        return out;
    }

    /** r·(in + out): the adapter's parameters on this layer. */
    public long loraParameters(int rank) {
        return (long) rank * (in + out);
    }
}
