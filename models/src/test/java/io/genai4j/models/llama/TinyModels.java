package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.AtomicFiles;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.text.bpe.BpeTrainer;
import io.genai4j.text.bpe.ByteLevelBpe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Random-weight tiny models written as Hugging Face directories (config.json, model.safetensors,
 * tokenizer.json, tokenizer_config.json) by code at test time, with a byte-level BPE trained on a
 * paragraph: what the GGUF path is checked against.
 */
public final class TinyModels {
    private TinyModels() {}

    static final String TEXT = """
            The quick brown fox jumps over the lazy dog. Hello world! Hello, world? It's a test: 1234 5678.
            Generative models predict the next token; the cache keeps keys and values so that each step is cheap.
            Llamas and Qwens are transformers. "Quotes", (parens) and [brackets] — plus unicode: café, naïve, Füße.
            """.repeat(3);
    static final List<String> SPECIALS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>");
    static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
    static final String LLAMA3_REGEX = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    static final String QWEN2_REGEX = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    /**
     * Writes a tiny model of the given architecture into dir as a GGUF file of the given weight type
     * (converted from the Hugging Face folder {@link #writeHf} writes beside it) and returns its path.
     */
    public static Path writeGguf(Path dir, Arch arch, long seed, DType weights) throws IOException {
        String name = arch.ggufName() + "-" + seed;
        Path gguf = dir.resolve(name + "-" + weights.name().toLowerCase(Locale.ROOT) + ".gguf");
        HfToGguf.convert(writeHf(dir.resolve(name), arch, seed), gguf, weights);
        return gguf;
    }

    /** Writes a tiny model of the given architecture into dir and returns dir. */
    public static Path writeHf(Path dir, Arch arch, long seed) throws IOException {
        Files.createDirectories(dir);
        ByteLevelBpe bpe = BpeTrainer.train(TEXT, 300, SPECIALS);
        int vocab = bpe.vocabSize();
        writeTokenizer(dir, bpe, arch);
        Rng rng = new Rng(seed);
        Map<String, Tensor> w = new LinkedHashMap<>();
        Map<String, Object> cfg = new LinkedHashMap<>();
        int dim = 64, layers = 2, ffn = 96;
        if (arch == Arch.GPT2) {
            int heads = 4;
            cfg.put("model_type", "gpt2");
            cfg.put("n_embd", dim);
            cfg.put("n_layer", layers);
            cfg.put("n_head", heads);
            cfg.put("n_positions", 64);
            cfg.put("vocab_size", vocab);
            cfg.put("layer_norm_epsilon", 1e-5);
            cfg.put("activation_function", "gelu_new");
            w.put("wte.weight", rand(rng, 0.5f, vocab, dim));
            w.put("wpe.weight", rand(rng, 0.1f, 64, dim));
            for (int l = 0; l < layers; l++) {
                String p = "h." + l + ".";
                w.put(p + "ln_1.weight", ones(rng, dim));
                w.put(p + "ln_1.bias", rand(rng, 0.1f, dim));
                w.put(p + "attn.c_attn.weight", rand(rng, 0.15f, dim, 3 * dim));   // Conv1D: [in, out]
                w.put(p + "attn.c_attn.bias", rand(rng, 0.1f, 3 * dim));
                w.put(p + "attn.c_proj.weight", rand(rng, 0.15f, dim, dim));
                w.put(p + "attn.c_proj.bias", rand(rng, 0.1f, dim));
                w.put(p + "ln_2.weight", ones(rng, dim));
                w.put(p + "ln_2.bias", rand(rng, 0.1f, dim));
                w.put(p + "mlp.c_fc.weight", rand(rng, 0.15f, dim, 4 * dim));
                w.put(p + "mlp.c_fc.bias", rand(rng, 0.1f, 4 * dim));
                w.put(p + "mlp.c_proj.weight", rand(rng, 0.1f, 4 * dim, dim));
                w.put(p + "mlp.c_proj.bias", rand(rng, 0.1f, dim));
            }
            w.put("ln_f.weight", ones(rng, dim));
            w.put("ln_f.bias", rand(rng, 0.1f, dim));
        } else {
            int heads = 4, kvHeads = 2, headDim = arch == Arch.QWEN3 ? 32 : 16;
            boolean tied = arch == Arch.QWEN2;
            cfg.put("model_type", arch.ggufName());
            cfg.put("hidden_size", dim);
            cfg.put("num_hidden_layers", layers);
            cfg.put("num_attention_heads", heads);
            cfg.put("num_key_value_heads", kvHeads);
            cfg.put("intermediate_size", ffn);
            cfg.put("max_position_embeddings", 96);
            cfg.put("rms_norm_eps", arch == Arch.LLAMA ? 1e-5 : 1e-6);
            cfg.put("rope_theta", arch == Arch.LLAMA ? 500000.0 : 1000000.0);
            cfg.put("vocab_size", vocab);
            cfg.put("tie_word_embeddings", tied);
            if (arch == Arch.QWEN3) cfg.put("head_dim", headDim);
            if (arch == Arch.LLAMA) {
                // Llama 3.1's frequency scaling, shrunk to this model's size so that every branch is used.
                cfg.put("rope_scaling", Map.of("rope_type", "llama3", "factor", 8.0, "low_freq_factor", 1.0, "high_freq_factor", 4.0,
                        "original_max_position_embeddings", 64));
            }
            w.put("model.embed_tokens.weight", rand(rng, 0.5f, vocab, dim));
            for (int l = 0; l < layers; l++) {
                String p = "model.layers." + l + ".";
                w.put(p + "input_layernorm.weight", ones(rng, dim));
                w.put(p + "self_attn.q_proj.weight", rand(rng, 0.2f, heads * headDim, dim));
                w.put(p + "self_attn.k_proj.weight", rand(rng, 0.2f, kvHeads * headDim, dim));
                w.put(p + "self_attn.v_proj.weight", rand(rng, 0.2f, kvHeads * headDim, dim));
                w.put(p + "self_attn.o_proj.weight", rand(rng, 0.2f, dim, heads * headDim));
                if (arch == Arch.QWEN2) {
                    w.put(p + "self_attn.q_proj.bias", rand(rng, 0.2f, heads * headDim));
                    w.put(p + "self_attn.k_proj.bias", rand(rng, 0.2f, kvHeads * headDim));
                    w.put(p + "self_attn.v_proj.bias", rand(rng, 0.2f, kvHeads * headDim));
                }
                if (arch == Arch.QWEN3) {
                    w.put(p + "self_attn.q_norm.weight", ones(rng, headDim));
                    w.put(p + "self_attn.k_norm.weight", ones(rng, headDim));
                }
                w.put(p + "post_attention_layernorm.weight", ones(rng, dim));
                w.put(p + "mlp.gate_proj.weight", rand(rng, 0.2f, ffn, dim));
                w.put(p + "mlp.up_proj.weight", rand(rng, 0.2f, ffn, dim));
                w.put(p + "mlp.down_proj.weight", rand(rng, 0.2f, dim, ffn));
            }
            w.put("model.norm.weight", ones(rng, dim));
            if (!tied) w.put("lm_head.weight", rand(rng, 0.3f, vocab, dim));
        }
        Checkpoints.save(dir.resolve("model.safetensors"), w, Map.of("format", "pt"));
        AtomicFiles.writeString(dir.resolve("config.json"), Json.toJson(cfg, Integer.MAX_VALUE));
        return dir;
    }

    private static Tensor rand(Rng rng, float scale, int... shape) {
        return Tensor.randn(rng, shape).mul(scale);
    }

    /** Norm weights near one, so that a wrong epsilon or a missing weight shows. */
    private static Tensor ones(Rng rng, int n) {
        return Tensor.randn(rng, n).mul(0.1f).add(1f);
    }

    private static void writeTokenizer(Path dir, ByteLevelBpe bpe, Arch arch) throws IOException {
        Map<String, Object> vocab = new LinkedHashMap<>();
        List<Object> added = new ArrayList<>();
        for (int id = 0; id < bpe.vocabSize(); id++) {
            String t = bpe.token(id);
            if (bpe.isSpecial(id)) added.add(Map.of("id", id, "content", t, "special", true));
            vocab.put(t, id);
        }
        List<Object> merges = new ArrayList<>();
        for (String[] m : bpe.merges()) merges.add(m[0] + " " + m[1]);
        Object pre = switch (arch) {
            case GPT2 -> Map.of("type", "ByteLevel", "add_prefix_space", false, "trim_offsets", true, "use_regex", true);
            default -> Map.of("type", "Sequence", "pretokenizers", List.of(
                    Map.of("type", "Split", "pattern", Map.of("Regex", arch == Arch.LLAMA ? LLAMA3_REGEX : QWEN2_REGEX), "behavior", "Isolated", "invert", false),
                    Map.of("type", "ByteLevel", "add_prefix_space", false, "trim_offsets", true, "use_regex", false)));
        };
        Map<String, Object> tj = new LinkedHashMap<>();
        tj.put("version", "1.0");
        tj.put("added_tokens", added);
        tj.put("normalizer", null);
        tj.put("pre_tokenizer", pre);
        tj.put("decoder", Map.of("type", "ByteLevel"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("vocab", vocab);
        model.put("merges", merges);
        tj.put("model", model);
        AtomicFiles.writeString(dir.resolve("tokenizer.json"), Json.toJson(tj, Integer.MAX_VALUE));
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("bos_token", "<|endoftext|>");
        cfg.put("eos_token", arch == Arch.GPT2 ? "<|endoftext|>" : "<|im_end|>");
        cfg.put("add_bos_token", arch == Arch.LLAMA);
        cfg.put("chat_template", CHATML);
        AtomicFiles.writeString(dir.resolve("tokenizer_config.json"), Json.toJson(cfg, Integer.MAX_VALUE));
    }
}
