package io.genai4j.cli;

import io.genai4j.text.Tokenizer;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Prints generated tokens as they come, for the lessons' samplers (gpt, rnn, ngram), as {@code run}
 * does for LLMs. A lesson tokenizer only decodes whole id lists, and one token is not always text
 * on its own: a byte-level BPE token may end inside a UTF-8 character, and word tokens get their
 * spacing from the token before. So each new token's text is the difference between decoding the
 * pending tokens with a few tokens of context and decoding the context alone; an incomplete
 * character (a trailing U+FFFD) waits for the next token. Decoding stays proportional to the
 * tokens printed, not to the square of the text's length.
 *
 * <p>(The LLM path has its own byte stream, llm's TextStream: its tokenizer hands out raw bytes.)
 */
public final class TokenPrinter {
    /** Tokens before the pending ones that are decoded with them, for spacing and split characters. */
    private static final int CONTEXT = 4;
    /** A genuinely invalid byte sequence is printed after this many tokens rather than held forever. */
    private static final int MAX_PENDING = 16;

    private final Tokenizer tokenizer;
    private final PrintStream out;
    private int[] ids;
    private int length;
    /** Tokens before this index have been printed. */
    private int printed;

    /** context: the ids already on screen (the prompt), whose last few set the spacing of the first new token. */
    public TokenPrinter(Tokenizer tokenizer, int[] context, PrintStream out) {
        this.tokenizer = tokenizer;
        this.out = out;
        this.ids = Arrays.copyOf(context, context.length + 64);
        this.length = context.length;
        this.printed = context.length;
    }

    public void accept(int id) {
        if (length == ids.length) ids = Arrays.copyOf(ids, ids.length * 2);
        ids[length++] = id;
        print(false);
    }

    /** Prints whatever is still pending (an incomplete character as U+FFFD). */
    public void finish() {
        print(true);
    }

    private void print(boolean last) {
        if (printed == length) return;
        int from = Math.max(0, printed - CONTEXT);
        String before = tokenizer.decode(Arrays.copyOfRange(ids, from, printed));
        String now = tokenizer.decode(Arrays.copyOfRange(ids, from, length));
        boolean grows = now.startsWith(before);
        boolean complete = grows && !now.endsWith("\uFFFD");
        if (!complete && !last && length - printed < MAX_PENDING) return;
        int common = 0;
        while (common < before.length() && common < now.length() && before.charAt(common) == now.charAt(common)) common++;
        out.print(now.substring(common));
        out.flush();
        printed = length;
    }
}
