package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;
import io.genai4j.text.bpe.RegexPreTokenizer;
import io.genai4j.text.vocab.TokenizerJson;
import io.genai4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts a Hugging Face model directory to one GGUF file, as llama.cpp's convert_hf_to_gguf.py
 * does for llama, qwen2, qwen3 and gpt2 (see {@link GgufModelWriter} for the Q/K permutation).
 */
public final class HfToGguf {
    private HfToGguf() {}

    public static void convert(Path dir, Path out, DType type) throws IOException {
        try (LoadedModel m = ModelLoader.loadHf(dir)) {
            TokenizerJson.Result tj = TokenizerJson.read(dir);
            Vocabulary v = tj.vocabulary();
            String pre = preName(tj);
            Vocabulary named = new Vocabulary(v.model(), pre, v.tokens(), v.scores(), v.types(), v.merges(), v.bos(), v.eos(), v.unk(),
                    v.pad(), v.eot(), v.eog(), v.addBos(), v.addEos(), v.addSpacePrefix(), dir.getFileName().toString());
            Map<String, Tensor> weights = new LinkedHashMap<>(((Module) m.model()).stateDict());
            LlamaConfig c = m.config();
            Map<String, String> extra = new LinkedHashMap<>();
            if (c.arch() == Arch.GPT2 && c.geluErf()) extra.put("genai4j.gelu", "erf");
            GgufModelWriter.write(out, c, dir.getFileName().toString(), weights, named, tj.chatTemplate(), type, extra);
        }
    }

    /** llama.cpp's name for the tokenizer's pre-tokenizer, recognised by its regexes. */
    static String preName(TokenizerJson.Result tj) {
        if (tj.vocabulary().model().equals("llama")) return "default";
        String p = tj.preTokenizer().toString();
        String regexes = ((RegexPreTokenizer) tj.preTokenizer()).regexes().toString();
        for (String name : new String[] {"llama-bpe", "qwen2", "gpt-2", "deepseek-llm", "deepseek-coder", "falcon", "starcoder"}) {
            if (RegexPreTokenizer.forGguf(name).equivalent(tj.preTokenizer())) return name;
        }
        throw new IllegalArgumentException("tokenizer.json's pre-tokenizer " + p + " " + regexes + " matches none that llama.cpp knows");
    }
}
