package io.genai4j.cli.prompt;

import io.genai4j.cli.llm.EndpointOptions;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.assistant.TinyAssistant;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model a lesson prompts: local (the tiny assistant by default, any GGUF or cached model) or remote (--endpoint URL --model NAME). */
public final class ChatModelOptions {
    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "tiny-assistant",
            description = "tiny-assistant, a .gguf file, a model directory, OWNER/REPO in the cache; with --endpoint the model's name there (default: ${DEFAULT-VALUE}).")
    String model;
    @Mixin
    EndpointOptions endpoint;

    /** The chat model and what must be closed with it (a loaded local model; nothing for a remote one). */
    public record Opened(ChatModel model, AutoCloseable weights) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (weights != null) weights.close();
        }
    }

    public Opened open() throws IOException {
        return open(model, endpoint);
    }

    /** MODEL on the endpoint when one is given, else loaded here ("tiny-assistant": the shipped one). */
    public static Opened open(String model, EndpointOptions endpoint) throws IOException {
        if (endpoint.remote()) return new Opened(endpoint.model(model), null);
        LoadedModel m = model.equals("tiny-assistant") ? TinyAssistant.load() : ModelLoader.load(ModelStore.resolve(model));
        return new Opened(new LocalChatModel(m, model, 1), m);
    }

    public String name() {
        return model;
    }
}
