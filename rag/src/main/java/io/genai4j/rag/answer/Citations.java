package io.genai4j.rag.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citations of an answer checked against the sources it was given: {@code [2]}, {@code [1, 3]}
 * and {@code [1][3]} are read; a number outside 1..sources is invalid (a model inventing a source).
 *
 * @param cited   valid source numbers, in order of first citation
 * @param invalid numbers cited that name no source
 */
public record Citations(List<Integer> cited, List<Integer> invalid) {
    private static final Pattern BRACKET = Pattern.compile("\\[(\\d{1,6}(?:\\s*,\\s*\\d{1,6})*)]");

    public static Citations check(String answer, int sources) {
        Set<Integer> ok = new LinkedHashSet<>(), bad = new LinkedHashSet<>();
        Matcher m = BRACKET.matcher(answer);
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                int i = Integer.parseInt(n.strip());
                (i >= 1 && i <= sources ? ok : bad).add(i);
            }
        }
        return new Citations(new ArrayList<>(ok), new ArrayList<>(bad));
    }

    /** True when the answer cites at least one source and nothing else. */
    public boolean grounded() {
        return !cited.isEmpty() && invalid.isEmpty();
    }
}
