package io.genai4j.models.llama;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tensor names between Hugging Face and GGUF (llama.cpp's convert_hf_to_gguf tensor map for the
 * architectures genai4j runs): {@code model.layers.3.self_attn.q_proj.weight ↔ blk.3.attn_q.weight}.
 */
public final class GgufNames {
    private GgufNames() {}

    private static final String[][] GLOBAL = {
            {"model.embed_tokens.weight", "token_embd.weight"},
            {"model.norm.weight", "output_norm.weight"},
            {"lm_head.weight", "output.weight"},
            {"transformer.wte.weight", "token_embd.weight"},
            {"transformer.wpe.weight", "position_embd.weight"},
            {"transformer.ln_f.weight", "output_norm.weight"},
            {"transformer.ln_f.bias", "output_norm.bias"},
    };
    private static final String[][] LAYER = {
            {"input_layernorm", "attn_norm"},
            {"self_attn.q_proj", "attn_q"},
            {"self_attn.k_proj", "attn_k"},
            {"self_attn.v_proj", "attn_v"},
            {"self_attn.o_proj", "attn_output"},
            {"self_attn.q_norm", "attn_q_norm"},
            {"self_attn.k_norm", "attn_k_norm"},
            {"post_attention_layernorm", "ffn_norm"},
            {"mlp.gate_proj", "ffn_gate"},
            {"mlp.up_proj", "ffn_up"},
            {"mlp.down_proj", "ffn_down"},
            {"ln_1", "attn_norm"},
            {"attn.c_attn", "attn_qkv"},
            {"attn.c_proj", "attn_output"},
            {"ln_2", "ffn_norm"},
            {"mlp.c_fc", "ffn_up"},
            {"mlp.c_proj", "ffn_down"},
    };
    private static final Pattern HF_LAYER = Pattern.compile("(?:model\\.layers|transformer\\.h)\\.(\\d+)\\.(.+)\\.(weight|bias)");

    /** The GGUF name of a Hugging Face tensor name, or null if it has none. */
    public static String toGguf(String hf) {
        for (String[] g : GLOBAL) if (g[0].equals(hf)) return g[1];
        Matcher m = HF_LAYER.matcher(hf);
        if (m.matches()) {
            for (String[] l : LAYER) if (l[0].equals(m.group(2))) return "blk." + m.group(1) + "." + l[1] + "." + m.group(3);
        }
        return null;
    }

    /** Whether a GPT-2 tensor of this Hugging Face name is a Conv1D weight, which its files store [in, out] (every Linear here is [out, in]). */
    public static boolean isGpt2Conv1D(String name) {
        return name.endsWith(".weight") && (name.contains(".attn.c_attn.") || name.contains(".attn.c_proj.") || name.contains(".mlp.c_fc.") || name.contains(".mlp.c_proj."));
    }
}
