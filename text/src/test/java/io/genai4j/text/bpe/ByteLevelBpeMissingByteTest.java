package io.genai4j.text.bpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model file may lack the token of a byte (Falcon has none for \v): llama.cpp drops it after merging. */
class ByteLevelBpeMissingByteTest {

    @Test
    void aByteWithoutATokenStillSeparatesItsNeighbours() {
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) if (b != 0x0B) tokens.add(String.valueOf(ByteAlphabet.charOf(b)));
        String space = String.valueOf(ByteAlphabet.charOf(' '));
        tokens.add(space + space);
        int spaceId = tokens.indexOf(space), twoSpaces = tokens.size() - 1;
        ByteLevelBpe bpe = ByteLevelBpe.of(tokens.toArray(String[]::new), List.<String[]>of(new String[] {space, space}),
                new boolean[tokens.size()], RegexPreTokenizer.forGguf("gpt-2"), false);
        assertArrayEquals(new int[] {twoSpaces}, bpe.encode("  "));
        assertArrayEquals(new int[] {spaceId, spaceId}, bpe.encode(" \u000B "), "the dropped \\v keeps the spaces apart");
    }
}
