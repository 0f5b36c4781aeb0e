package io.genai4j.rag.load;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text: paragraphs are separated by blank lines; lines inside a paragraph are joined. The
 * title is the file name. The bytes must be UTF-8 (a binary file with a .txt name is refused).
 */
public final class TextLoader implements Loader {
    @Override
    public Document load(String source, byte[] bytes) throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (String para : utf8(source, bytes).split("\\R\\s*\\R")) {
            String t = para.strip().replaceAll("\\s*\\R\\s*", " ");
            if (!t.isEmpty()) blocks.add(new Block("", t));
        }
        return new Document(source, Loader.baseName(source), blocks);
    }

    /** Strict UTF-8: malformed bytes are an error naming the file, not replacement characters in the index. */
    static String utf8(String source, byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(source + ": not UTF-8 text");
        }
    }
}
