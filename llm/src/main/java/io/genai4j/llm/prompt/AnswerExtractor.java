package io.genai4j.llm.prompt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the answer out of a model's free text, so that a reply is right or wrong by its answer and
 * not by its wording. Empty when the text holds no answer (counted as wrong, never guessed).
 */
@FunctionalInterface
public interface AnswerExtractor {
    Optional<String> extract(String text);

    /**
     * A number: the one after the last "answer is" / "answer:" when there is one (chain-of-thought's
     * closing line), else the last number in the text (a direct answer, or reasoning that forgot the
     * closing line). Thousands separators are dropped and "12.0" is "12", so equal numbers compare equal.
     */
    static AnswerExtractor number() {
        Pattern marked = Pattern.compile("(?i)answer\\s*(?:is|:|=)\\s*\\**\\s*\\$?(-?\\d[\\d,]*(?:\\.\\d+)?)");
        Pattern any = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");
        return text -> {
            String found = null;
            Matcher m = marked.matcher(text);
            while (m.find()) found = m.group(1);
            if (found == null) {
                Matcher a = any.matcher(text);
                while (a.find()) found = a.group();
            }
            return Optional.ofNullable(found).map(AnswerExtractor::canonicalNumber);
        };
    }

    /** The label among {@code labels} (whole words, any case) that the text names first, in the labels' spelling. */
    static AnswerExtractor label(List<String> labels) {
        List<Pattern> ps = labels.stream().map(l -> Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(l) + "(?![\\p{L}\\d])")).toList();
        return text -> {
            int best = Integer.MAX_VALUE;
            String label = null;
            for (int i = 0; i < ps.size(); i++) {
                Matcher m = ps.get(i).matcher(text);
                if (m.find() && m.start() < best) {
                    best = m.start();
                    label = labels.get(i);
                }
            }
            return Optional.ofNullable(label);
        };
    }

    private static String canonicalNumber(String s) {
        String t = s.replace(",", "");
        try {
            return new java.math.BigDecimal(t).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
        } catch (NumberFormatException e) {
            return t;
        }
    }
}
