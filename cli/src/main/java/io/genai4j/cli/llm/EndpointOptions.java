package io.genai4j.cli.llm;

import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.remote.OpenAiChatModel;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --endpoint URL} and its key: run and chat talk to a remote OpenAI-compatible server instead of loading MODEL. */
public final class EndpointOptions {
    @Option(names = "--endpoint", paramLabel = "URL",
            description = "An OpenAI-compatible API root (genai serve, llama-server, vLLM, Ollama: e.g. http://127.0.0.1:8080/v1); MODEL is then the model's name there.")
    String url;
    @Option(names = "--api-key", defaultValue = "${env:GENAI_API_KEY}", description = "Bearer key for --endpoint (default: $GENAI_API_KEY).")
    String apiKey;
    @Option(names = "--request-timeout", defaultValue = "600", description = "Seconds one --endpoint answer may take (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    public boolean remote() {
        return url != null;
    }

    public ChatModel model(String name) {
        return new OpenAiChatModel(url, name, apiKey, Duration.ofSeconds(timeoutSeconds));
    }
}
