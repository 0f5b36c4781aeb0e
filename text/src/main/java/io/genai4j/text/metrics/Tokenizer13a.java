package io.genai4j.text.metrics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The tokenizer BLEU scores are usually computed with: mteval-v13a's rules, sacreBLEU's default
 * ("13a"). Translations are scored as detokenized text, and this cuts hypothesis and reference the
 * same way, so scores do not depend on how a model happened to tokenize:
 * <ol>
 *   <li>unescape {@code &quot; &amp; &lt; &gt;}, join lines;</li>
 *   <li>put spaces around every ASCII symbol in {@code {|}~ [\]^_` !"#$%& ()*+ :;<=>? @ /};</li>
 *   <li>split a period or comma from a neighbour that is not a digit (3.5 and 1,000 stay whole);</li>
 *   <li>split a hyphen that follows a digit.</li>
 * </ol>
 * Apostrophes are not split: {@code l'homme} and {@code don't} are one token each.
 */
public final class Tokenizer13a {
    private Tokenizer13a() {}

    private static final Pattern SYMBOL = Pattern.compile("([{-~\\[-`\\x20-&(-+:-@/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static List<String> tokenize(String line) {
        String s = line.replace("<skipped>", "").replace("-\n", "").replace('\n', ' ')
                .replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        s = " " + s + " ";
        s = SYMBOL.matcher(s).replaceAll(" $1 ");
        s = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(s).replaceAll("$1 $2 ");
        s = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
        s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }
}
