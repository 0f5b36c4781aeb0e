package io.genai4j.cli.llm;

import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.lora.LoraOption;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.Conversation;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai chat MODEL}: a multi-turn conversation on stdin/stdout, streamed. A message that
 * cannot be answered (too long for the context, a chat template error) is reported on stderr and
 * the conversation goes on: one bad message never ends a session.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Chat with an LLM: type a message, get a streamed answer. /reset starts over, /exit (or end of input) quits."})
public final class ChatCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file, a model directory, or OWNER/REPO in the cache.") String model;
    @Option(names = "--system", description = "System prompt.") String system;
    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "First message (optional; the conversation continues on stdin):%n")
    PromptOptions first;
    @Option(names = "--max-tokens", defaultValue = "512", description = "Tokens per answer at most (default ${DEFAULT-VALUE}).") int maxTokens;
    @Mixin SamplingOptions sampling;
    @Mixin ThreadsOption threads;
    @Mixin EndpointOptions endpoint;
    @Mixin LoraOption lora;

    @Override
    public Integer call() throws Exception {
        if (first != null && first.file != null && first.file.toString().equals("-")) {
            throw new IllegalArgumentException("chat reads the conversation from standard input, so --prompt-file cannot be - here");
        }
        threads.apply();
        String opening = first == null ? null : first.read(System.in);
        PrintStream out = System.out, err = System.err;
        if (endpoint.remote() && lora.given()) throw new IllegalArgumentException("--lora applies to a local model; a remote --endpoint serves its own weights");
        if (endpoint.remote()) {
            err.println("endpoint: " + endpoint.url + ", model " + model);
            converse(new Conversation(endpoint.model(model), system), opening, out, err);
            return 0;
        }
        try (LoadedModel m = ModelLoader.load(ModelStore.resolve(model))) {
            lora.apply(m);
            err.println("model: " + m.description() + (m.chatTemplate() == null ? " (no chat template: using ChatML)" : ""));
            converse(new Conversation(new LocalChatModel(m, model, 1), system), opening, out, err);
        }
        return 0;
    }

    /** Reads messages from stdin and streams each answer, until /exit or the end of input. */
    private void converse(Conversation session, String opening, PrintStream out, PrintStream err) throws java.io.IOException {
        err.println("type a message; /reset starts over, /exit quits");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = opening; ; line = null) {
            out.print("> ");
            if (line != null) {
                out.println(line.length() <= 200 && line.indexOf('\n') < 0 ? line : "(" + line.length() + " characters from " + (first.file != null ? "--prompt-file" : "--prompt") + ")");
            } else if ((line = in.readLine()) == null) {
                break;
            }
            out.flush();
            String command = line.strip();
            if (command.equals("/exit")) break;
            if (command.equals("/reset")) {
                session.reset();
                out.println("(conversation reset)");
                continue;
            }
            if (line.isBlank()) continue;
            boolean[] streamed = {false};
            try {
                session.send(line, sampling.options(maxTokens), new ChatListener() {
                    @Override
                    public void onText(String s) {
                        streamed[0] = true;
                        out.print(s);
                        out.flush();
                    }
                });
                out.println();
            } catch (IllegalArgumentException | IllegalStateException e) {
                // A user error (the message or the model's template), not a bug: report it, keep the session.
                if (streamed[0]) out.println();
                out.flush();
                err.println("genai: " + e.getMessage());
            }
        }
    }
}
