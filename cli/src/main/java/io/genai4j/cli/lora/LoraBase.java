package io.genai4j.cli.lora;

import io.genai4j.engine.nn.Module;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.assistant.TinyAssistant;
import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.llm.lora.ChatExamples;
import io.genai4j.llm.lora.LinearSite;
import io.genai4j.llm.lora.LoraTask;
import io.genai4j.llm.lora.LoraWeights;
import io.genai4j.llm.lora.TextExamples;
import io.genai4j.llm.lora.TokenWindow;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model an adapter is trained on, merged into or evaluated with: {@code gpt} (the shipped
 * Shakespeare GPT), {@code gpt:DIR} (a checkpoint of {@code genai gpt train}), {@code tiny-assistant}
 * (the shipped tool-calling assistant), or an LLM (a .gguf file,
 * a Hugging Face directory, or OWNER/REPO in the cache).
 */
record LoraBase(String name, Module module, LoraTask.Scorer scorer, Tokenizer tokenizer, LlamaConfig llama, LoadedModel loaded,
                GptCheckpoint gpt, long bytes) implements AutoCloseable {

    /** The base name of the shipped tiny assistant (the skills lesson). */
    static final String TINY_ASSISTANT = "tiny-assistant";

    static LoraBase open(String spec) throws IOException {
        if (spec.equals("gpt") || spec.startsWith("gpt:")) {
            Path dir = spec.equals("gpt") ? null : Path.of(spec.substring(4));
            GptCheckpoint ck = GptCheckpoint.loadOrBundled(dir);
            ck.model().eval();   // the base runs without its own dropout; the adapter has its own
            ck.model().freeze();
            return new LoraBase(dir == null ? "shipped Shakespeare GPT" : dir.toString(), ck.model(), LoraTask.of(ck.model()), ck.tokenizer(),
                    null, null, ck, 4L * ck.model().numParameters());
        }
        Path path = spec.equals(TINY_ASSISTANT) ? TinyAssistant.extract() : ModelStore.resolve(spec);
        LoadedModel m = ModelLoader.load(path);
        return new LoraBase(path.getFileName().toString(), (Module) m.model(), LoraTask.of(m.model()), m.tokenizer(), m.config(), m, null, size(path));
    }

    private static long size(Path p) throws IOException {
        if (!Files.isDirectory(p)) return Files.size(p);
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(f -> f.toString().endsWith(".safetensors")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Training or evaluation windows from a file: chat JSONL (LLMs) or text, a TSV column of it when column &gt; 0. */
    List<TokenWindow> windows(Path data, int column, int window, int maxChars) throws IOException {
        if (data.toString().endsWith(".jsonl")) {
            if (loaded == null) throw new IllegalArgumentException(data + ": chat data needs an LLM base with a chat template, not the GPT");
            return ChatExamples.read(data, ChatTemplate.orDefault(loaded.chatTemplate()), loaded.tokenizer(), window);
        }
        String text = Files.readString(data);
        if (column > 0) text = TextExamples.column(text, column);
        if (maxChars > 0 && text.length() > maxChars) text = sample(text, maxChars);
        List<TokenWindow> w = TextExamples.windows(text, tokenizer, window);
        if (w.isEmpty()) throw new IllegalArgumentException(data + " gives no training text for this model");
        return w;
    }

    /**
     * Training and validation windows of a data file (the last tenth validates, at most evalWindows of
     * it) and, for the GPT, Shakespeare's validation windows to measure forgetting (else none).
     */
    Windows split(Path data, int column, int window, int maxChars, int evalWindows) throws IOException {
        List<TokenWindow> all = windows(data, column, window, maxChars);
        if (all.size() < 2) throw new IllegalArgumentException(data + " gives only " + all.size() + " window: too little to train and validate on");
        int nVal = Math.max(1, all.size() / 10);
        List<TokenWindow> home = gpt != null ? TextExamples.windows(io.genai4j.text.Corpus.tinyShakespeare().split().val(), tokenizer, window) : List.of();
        return new Windows(all.subList(0, all.size() - nVal), limit(all.subList(all.size() - nVal, all.size()), evalWindows), limit(home, evalWindows));
    }

    /** What {@link #split} gives: train, validation and home (Shakespeare) windows. */
    record Windows(List<TokenWindow> train, List<TokenWindow> val, List<TokenWindow> home) {}

    private static List<TokenWindow> limit(List<TokenWindow> w, int n) {
        return w.size() > n ? w.subList(0, n) : w;
    }

    /** About maxChars of whole lines taken evenly through the text (fra.txt is sorted by length). */
    static String sample(String text, int maxChars) {
        String[] lines = text.split("\n");
        int stride = Math.max(1, (int) Math.ceil((double) text.length() / maxChars));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length && sb.length() < maxChars; i += stride) sb.append(lines[i]).append('\n');
        return sb.toString();
    }

    /** An adapter for this base from a PEFT directory or a GGUF adapter file. */
    LoraWeights readAdapter(Path adapter) throws IOException {
        return readAdapter(adapter, module, llama);
    }

    /** An adapter from a PEFT directory, or a GGUF adapter file matched against the model's Linear layers. */
    static LoraWeights readAdapter(Path adapter, Module model, LlamaConfig llama) throws IOException {
        if (Files.isDirectory(adapter)) return io.genai4j.llm.lora.PeftAdapter.read(adapter);
        if (!Files.isRegularFile(adapter)) throw new java.nio.file.NoSuchFileException(adapter + " (no PEFT adapter directory or GGUF adapter file)");
        List<String> layers = LinearSite.of(model).stream().map(LinearSite::name).toList();
        return io.genai4j.llm.lora.GgufAdapter.read(adapter, layers, io.genai4j.llm.lora.RotaryRows.of(llama));
    }

    @Override
    public void close() {
        if (loaded != null) loaded.close();
    }
}
