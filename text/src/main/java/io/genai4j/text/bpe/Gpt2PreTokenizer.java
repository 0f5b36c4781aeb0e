package io.genai4j.text.bpe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's pre-tokenization: text is cut into pieces before BPE, and merges never cross a piece
 * boundary. The pattern is OpenAI's
 * <pre>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</pre>
 * with {@code \s} spelled out as JavaScript's set (the reference ids come from the JS encoder):
 * Java's {@code \s} is ASCII-only by default, and its Unicode variant adds U+0085 and drops U+FEFF.
 * {@code \s+(?!\S)} leaves the last space of a run to start the next word: {@code "a   b"} gives
 * {@code "a"}, {@code "  "}, {@code " b"}. Java and JS regexes both match by code point here, so a
 * surrogate pair stays whole and a lone surrogate is a piece of "other" characters.
 */
public final class Gpt2PreTokenizer implements PreTokenizer {
    /** The pre-tokenizer as an object, for {@link ByteLevelBpe}. */
    public static final Gpt2PreTokenizer INSTANCE = new Gpt2PreTokenizer();

    /** ECMAScript's WhiteSpace and LineTerminator code points. */
    static final String JS_SPACE = "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    private static final Pattern PATTERN = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^" + JS_SPACE + "\\p{L}\\p{N}]+"
                    + "|[" + JS_SPACE + "]+(?![^" + JS_SPACE + "])|[" + JS_SPACE + "]+");

    private Gpt2PreTokenizer() {}

    /** A matcher over {@code text}; each {@code find()} yields the next piece. */
    public static Matcher matcher(CharSequence text) {
        return PATTERN.matcher(text);
    }

    public static List<String> pieces(CharSequence text) {
        List<String> out = new ArrayList<>();
        Matcher m = matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    @Override
    public void split(String text, Consumer<String> piece) {
        Matcher m = matcher(text);
        while (m.find()) piece.accept(m.group());
    }
}
