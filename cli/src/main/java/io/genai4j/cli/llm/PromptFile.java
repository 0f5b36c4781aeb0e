package io.genai4j.cli.llm;

import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --prompt-file FILE}: a prompt too long for a command line (the kernel caps one argument at
 * 128 KiB, so a 1 MB document cannot be passed with --prompt). {@code -} reads standard input.
 * The text must be UTF-8; a bad byte is reported with its offset rather than silently replaced.
 */
final class PromptFile {
    private PromptFile() {}

    static String read(Path file, InputStream stdin) throws IOException {
        return read("--prompt-file", file, stdin);
    }

    /** The UTF-8 text of a file named by the option {@code flag} (errors name it). */
    static String read(String flag, Path file, InputStream stdin) throws IOException {
        byte[] bytes;
        if (file.toString().equals("-")) {
            bytes = stdin.readAllBytes();
        } else if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(flag + " " + Printable.of(file.toString()) + " is a folder; expected a UTF-8 text file");
        } else if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(flag + " " + Printable.of(file.toString()) + ": no such file");
        } else {
            bytes = Files.readAllBytes(file);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;   // a BOM is not part of the prompt
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(flag + " " + Printable.of(file.toString()) + " is not UTF-8 text (bad byte at offset " + in.position() + ")");
        }
    }
}
