package io.genai4j.models.llama;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.util.Printable;
import io.genai4j.text.vocab.GgufVocabulary;
import io.genai4j.text.vocab.LlmTokenizer;
import io.genai4j.text.vocab.TokenizerJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens a model from disk: a GGUF file (weights, hyperparameters, tokenizer and chat template in
 * one), or a Hugging Face directory (config.json, *.safetensors, tokenizer.json and
 * tokenizer_config.json). Weights are memory-mapped, never copied to the heap.
 */
public final class ModelLoader {
    private ModelLoader() {}

    public static LoadedModel load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path gguf = Files.isRegularFile(path.resolve("config.json")) ? null : onlyGguf(path);
            return gguf != null ? loadGguf(gguf) : loadHf(path);
        }
        if (!Files.isRegularFile(path)) throw new NoSuchFileException("no model at " + path);
        return loadGguf(path);
    }

    /** The folder's one .gguf file (a download of a single GGUF), or null when it has none; an error when it has several. */
    static Path onlyGguf(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf") && Files.isRegularFile(p)).sorted().forEach(found::add);
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(dir + " holds " + found.size() + " .gguf files and no config.json: name the one to load, e.g. "
                    + found.get(0));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Every layer the config declares must have weights in the file before the model is built: a
     * block_count or num_hidden_layers of 100000 (or 2^31 - 1) in a small file would otherwise
     * allocate the layer array before the first missing tensor is noticed.
     */
    static void requireLayers(LlamaConfig c, WeightSource w) {
        for (int i = 0; i < c.layers(); i++) {
            String name = c.arch() == Arch.GPT2 ? "transformer.h." + i + ".ln_1.weight" : "model.layers." + i + ".input_layernorm.weight";
            if (w.optional(name) == null) {
                throw new IllegalArgumentException("the config declares " + c.layers() + " layers but the weights have only " + i
                        + " (no tensor for '" + name + "'" + w.describe(name) + ")");
            }
        }
    }

    public static LoadedModel loadGguf(Path file) throws IOException {
        GgufFile f = GgufFile.open(file);
        try {
            if (f.tensors().isEmpty()) throw new IllegalArgumentException(file + " holds no weights (a vocabulary-only GGUF can only tokenize)");
            LlamaConfig c = GgufConfig.read(f);
            GgufWeights w = new GgufWeights(f);
            requireLayers(c, w);
            CausalLm model = c.arch() == Arch.GPT2 ? new Gpt2Model(c, w) : new LlamaModel(c, w);
            LlmTokenizer tok = new LlmTokenizer(GgufVocabulary.read(f.metadata()));
            // As llama.cpp: one embedding row per token (converters pad the token list to the rows).
            // Otherwise generation stops at the first sampled id that has no token, or a token has no row.
            if (tok.vocabSize() != c.vocabSize()) {
                throw new IllegalArgumentException(file + ": the vocabulary has " + tok.vocabSize() + " tokens but token_embd.weight has "
                        + c.vocabSize() + " rows");
            }
            String template = f.metadata().string("tokenizer.chat_template", null);
            String name = Printable.of(f.metadata().string("general.name", file.getFileName().toString()));
            return new LoadedModel(model, tok, template, describe(name, c, "GGUF"), f);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    public static LoadedModel loadHf(Path dir) throws IOException {
        Path cfgFile = dir.resolve("config.json");
        if (!Files.isRegularFile(cfgFile)) throw new NoSuchFileException(dir + " is not a model directory: no config.json (nor a .gguf file)");
        if (!(Json.parse(Files.readAllBytes(cfgFile)) instanceof Map<?, ?> cfg)) throw new IllegalArgumentException(cfgFile + ": not a JSON object");
        LlamaConfig c = HfConfig.read((Map<String, Object>) cfg, cfgFile.toString());
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) throw new NoSuchFileException(dir + ": no tokenizer.json");
        TokenizerJson.Result tj = TokenizerJson.read(dir);
        SafetensorsWeights w = new SafetensorsWeights(dir, c.arch() == Arch.GPT2);
        try {
            if (!c.tiedEmbeddings() && w.optional("lm_head.weight") == null) c = c.withTiedEmbeddings(true);
            requireLayers(c, w);
            CausalLm model = c.arch() == Arch.GPT2 ? new Gpt2Model(c, w) : new LlamaModel(c, w);
            return new LoadedModel(model, tj.tokenizer(), tj.chatTemplate(), describe(dir.getFileName().toString(), c, "safetensors"), w);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** The tokenizer alone: from any GGUF file (vocabulary-only ones too) or a directory with tokenizer.json. */
    public static LlmTokenizer tokenizer(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path gguf = Files.isRegularFile(path.resolve("tokenizer.json")) ? null : onlyGguf(path);
            if (gguf == null) return TokenizerJson.read(path).tokenizer();
            path = gguf;
        }
        if (!Files.isRegularFile(path)) throw new NoSuchFileException("no model at " + path);
        try (GgufFile f = GgufFile.open(path)) {
            return new LlmTokenizer(GgufVocabulary.read(f.metadata()));
        }
    }

    private static String describe(String name, LlamaConfig c, String format) {
        return String.format(Locale.ROOT, "%s (%s, %s: %d layers, %d wide, %d/%d heads, vocabulary %d, context %d)",
                name, c.arch().ggufName(), format, c.layers(), c.dim(), c.heads(), c.kvHeads(), c.vocabSize(), c.contextLength());
    }
}
