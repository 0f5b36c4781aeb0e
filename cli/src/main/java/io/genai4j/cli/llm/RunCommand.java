package io.genai4j.cli.llm;

import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.lora.LoraOption;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.Generator;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ChatRenderer;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai run MODEL --prompt TEXT}: complete a prompt with a GGUF or Hugging Face model. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate text with an LLM (GGUF file, Hugging Face directory, or a name pulled into the cache).",
                "The prompt is tokenized as llama.cpp does (BOS added if the model asks, special tokens parsed); --chat wraps it in the model's chat template."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file, a model directory, or OWNER/REPO in the cache (with --endpoint: the model's name there).") String model;
    @ArgGroup(exclusive = true, multiplicity = "1") PromptOptions prompt;
    @Option(names = "--max-tokens", defaultValue = "128", description = "Tokens to generate at most (default ${DEFAULT-VALUE}).") int maxTokens;
    @Option(names = "--chat", description = "Send the prompt as a user message through the chat template.") boolean chat;
    @Option(names = "--system", description = "System message with --chat.") String system;
    @Mixin SamplingOptions sampling;
    @Mixin ThreadsOption threads;
    @Option(names = "--json", description = "Also print {prompt_ids, ids, text, pp_tps, tg_tps} as one JSON line (with --endpoint: {text, prompt_tokens, completion_tokens, stop}).") boolean json;
    @Mixin EndpointOptions endpoint;
    @Mixin LoraOption lora;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        String promptText = prompt.read(System.in);
        if (endpoint.remote() && lora.given()) throw new IllegalArgumentException("--lora applies to a local model; a remote --endpoint serves its own weights");
        if (endpoint.remote()) return remote(promptText);
        try (LoadedModel m = ModelLoader.load(ModelStore.resolve(model))) {
            lora.apply(m);
            System.err.println("model: " + m.description());
            String text = promptText;
            boolean addSpecial = true;
            if (chat) {
                List<ChatMessage> msgs = new ArrayList<>();
                if (system != null) msgs.add(ChatMessage.system(system));
                msgs.add(ChatMessage.user(promptText));
                text = new ChatRenderer(m).render(msgs, List.of(), true);
                addSpecial = false;   // the template writes BOS itself when the model wants one
            }
            int[] ids = m.tokenizer().encode(text, addSpecial, true);
            GenerationResult r = new Generator(m).generate(ids, sampling.options(maxTokens), s -> {
                System.out.print(s);
                System.out.flush();
            });
            System.out.println();
            System.err.printf(Locale.ROOT, "prompt %d tokens at %.1f tokens/s; generated %d tokens at %.1f tokens/s (stop: %s)%n",
                    ids.length, r.promptTokensPerSecond(), r.ids().length, r.generatedTokensPerSecond(), r.stopReason());
            if (json) {
                new Report().put("prompt_ids", r.promptIds()).put("ids", r.ids()).put("text", r.text())
                        .put("pp_tps", Rounding.places(r.promptTokensPerSecond(), 2)).put("tg_tps", Rounding.places(r.generatedTokensPerSecond(), 2))
                        .put("stop", r.stopReason()).printJson(System.out);
            }
        }
        return 0;
    }

    /** The prompt as a chat message to the remote endpoint (a chat API has no raw completion). */
    private int remote(String promptText) {
        List<ChatMessage> msgs = new ArrayList<>();
        if (system != null) msgs.add(ChatMessage.system(system));
        msgs.add(ChatMessage.user(promptText));
        ChatResponse r = endpoint.model(model).chat(ChatRequest.of(msgs, sampling.options(maxTokens)), new ChatListener() {
            @Override
            public void onText(String s) {
                System.out.print(s);
                System.out.flush();
            }
        });
        System.out.println();
        System.err.printf(Locale.ROOT, "prompt %d tokens; generated %d tokens (stop: %s) at %s%n", r.usage().promptTokens(), r.usage().completionTokens(),
                r.finishReason(), endpoint.url);
        if (json) {
            new Report().put("text", r.message().content()).put("prompt_tokens", r.usage().promptTokens())
                    .put("completion_tokens", r.usage().completionTokens()).put("stop", r.finishReason()).printJson(System.out);
        }
        return 0;
    }
}
