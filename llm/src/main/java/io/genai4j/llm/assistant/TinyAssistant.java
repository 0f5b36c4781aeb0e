package io.genai4j.llm.assistant;

import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.agent.builtin.CurrentTime;
import io.genai4j.llm.agent.builtin.FolderSearch;
import io.genai4j.llm.chat.ToolSpec;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The tiny assistant genai4j trains and ships: its tools, and where its weights are. */
public final class TinyAssistant {
    private TinyAssistant() {}

    /** The tools it was trained to call, in the order its system turn lists them. */
    public static final List<ToolSpec> TOOLS = List.of(Calculator.spec(), CurrentTime.spec(), FolderSearch.spec());

    /** The class-path resource of the shipped model. */
    public static final String RESOURCE = "/io/genai4j/llm/assistant/tiny-assistant.gguf";

    /** The shipped model, copied out of the jar to a temporary file (GGUF files are memory-mapped) and loaded. */
    public static LoadedModel load() throws IOException {
        return ModelLoader.load(extract());
    }

    /** The shipped model copied out of the jar to a temporary file, deleted when the JVM exits. */
    public static Path extract() throws IOException {
        Path file = Files.createTempFile("tiny-assistant", ".gguf");
        file.toFile().deleteOnExit();
        try (InputStream in = TinyAssistant.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the tiny assistant is missing from the class path (" + RESOURCE + ")");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The shipped model as a chat model with one session. */
    public static LocalChatModel chatModel(LoadedModel m) {
        return new LocalChatModel(m, NAME, 1);
    }

    public static final String NAME = "genai4j-tiny-assistant";
}
