package io.genai4j.cli.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The prompt as text on the command line or as a file: one or the other (a picocli exclusive group). */
public final class PromptOptions {
    @Option(names = "--prompt", paramLabel = "TEXT", required = true, description = "The prompt text.") String text;
    @Option(names = "--prompt-file", paramLabel = "FILE", required = true,
            description = "Read the prompt from a UTF-8 file (- = standard input), for prompts too long for a command line.") Path file;

    String read(InputStream stdin) throws IOException {
        return text != null ? text : PromptFile.read(file, stdin);
    }
}
