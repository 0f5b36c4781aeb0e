package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.WordTokenizer;
import io.genai4j.text.bpe.BpeTrainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPrinterTest {
    /** Streams text's tokens after the first `prompt` of them; returns what was on screen after each token, then at the end. */
    private static List<String> stream(Tokenizer tok, String text, int prompt) {
        int[] ids = tok.encode(text);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int[] context = Arrays.copyOf(ids, prompt);
        out.print(tok.decode(context));
        TokenPrinter p = new TokenPrinter(tok, context, out);
        List<String> screens = new ArrayList<>();
        for (int i = prompt; i < ids.length; i++) {
            p.accept(ids[i]);
            screens.add(buf.toString(StandardCharsets.UTF_8));
        }
        p.finish();
        screens.add(buf.toString(StandardCharsets.UTF_8));
        assertEquals(tok.decode(ids), screens.getLast(), "the stream adds up to the whole text");
        return screens;
    }

    @Test
    void charactersAppearOneByOne() {
        String text = "ROMEO: But soft!";
        List<String> screens = stream(CharTokenizer.fit(text), text, 6);
        for (int i = 0; i < screens.size() - 1; i++) assertEquals(text.substring(0, 7 + i), screens.get(i));
    }

    @Test
    void wordsGetTheirSpacingFromTheWordBefore() {
        String text = "the cat sat on the mat , and the dog ( the big one ) sat too .\n the end";
        WordTokenizer tok = WordTokenizer.fit(text);
        List<String> screens = stream(tok, text, 2);
        assertEquals(tok.decode(tok.encode(text)), screens.getLast());
        assertTrue(screens.get(0).length() > tok.decode(Arrays.copyOf(tok.encode(text), 2)).length(), "printed at once: " + screens.get(0));
    }

    @Test
    void aCharacterSplitAcrossByteTokensWaitsUntilItIsWhole() {
        String text = "café ☕ 日本語 and naïve — déjà vu 🙂 ok";
        Tokenizer tok = BpeTrainer.train("plain ascii words only, nothing else", 260, List.of());
        List<String> screens = stream(tok, text, 1);
        for (String s : screens) assertFalse(s.contains("\uFFFD"), "never a half character on screen: " + s);
        assertTrue(screens.stream().distinct().count() > 20, "printed as it came, not at the end");
    }
}
