package io.genai4j.cli.llm;

import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.Generator;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.models.llama.KvCache;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai chat MODEL}: a multi-turn conversation on stdin/stdout, streamed. Every turn the
 * whole conversation is rendered through the chat template; the KV cache keeps the part of it
 * that did not change, so only the new tokens run through the model.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Chat with an LLM: type a message, get a streamed answer. /reset starts over, /exit (or end of input) quits."})
public final class ChatCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file, a model directory, or OWNER/REPO in the cache.") String model;
    @Option(names = "--system", description = "System prompt.") String system;
    @Option(names = "--max-tokens", defaultValue = "512", description = "Tokens per answer at most (default ${DEFAULT-VALUE}).") int maxTokens;
    @Mixin SamplingOptions sampling;

    @Override
    public Integer call() throws Exception {
        try (LoadedModel m = ModelLoader.load(ModelStore.resolve(model))) {
            System.err.println("model: " + m.description() + (m.chatTemplate() == null ? " (no chat template: using ChatML)" : ""));
            System.err.println("type a message; /reset starts over, /exit quits");
            Generator gen = new Generator(m);
            List<Map<String, Object>> messages = new ArrayList<>();
            if (system != null) messages.add(ChatTemplate.message("system", system));
            KvCache cache = m.model().newCache(1024);
            int[] cached = new int[0];
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; ; ) {
                System.out.print("> ");
                System.out.flush();
                if ((line = in.readLine()) == null || line.strip().equals("/exit")) break;
                if (line.strip().equals("/reset")) {
                    messages.removeIf(msg -> !"system".equals(msg.get("role")));
                    cache.clear();
                    cached = new int[0];
                    System.out.println("(conversation reset)");
                    continue;
                }
                if (line.isBlank()) continue;
                messages.add(ChatTemplate.message("user", line));
                int[] all = m.tokenizer().encode(ChatChat.render(m, messages), false, true);
                int common = 0;
                while (common < cached.length && common < all.length - 1 && cached[common] == all[common]) common++;
                cache.truncate(Math.min(common, cache.length()));
                int[] history = Arrays.copyOf(all, cache.length());
                int[] fresh = Arrays.copyOfRange(all, cache.length(), all.length);
                int room = m.config().contextLength() - all.length;
                if (room <= 0) throw new IllegalArgumentException("the conversation fills the model's context of " + m.config().contextLength() + " tokens; /reset to start over");
                GenerationResult r = gen.continueFrom(cache, history, fresh, sampling.options(Math.min(maxTokens, room)), s -> {
                    System.out.print(s);
                    System.out.flush();
                });
                System.out.println();
                messages.add(ChatTemplate.message("assistant", r.text()));
                cached = Arrays.copyOf(all, all.length + r.ids().length);
                System.arraycopy(r.ids(), 0, cached, all.length, r.ids().length);
                cached = Arrays.copyOf(cached, cache.length());
            }
        }
        return 0;
    }
}
