package io.genai4j.text;

import io.genai4j.engine.util.Printable;
import java.util.List;

/**
 * The character set of a char-level model as checkpoints store it: a JSON list of code points in
 * increasing order (a {@link CharTokenizer}'s ids are the positions in it). Parsed with an error that
 * names the file and field, since the list comes from a file a user may have edited.
 */
public final class CodePointList {
    private CodePointList() {}

    /**
     * @param json   the parsed JSON value
     * @param source the file, for the error
     * @param field  the field's name as the user sees it, e.g. {@code tokenizer.code_points}
     * @throws IllegalArgumentException when it is not a list of distinct, increasing Unicode code points
     */
    public static int[] parse(Object json, String source, String field) {
        if (!(json instanceof List<?> l)) throw new IllegalArgumentException(source + ": field '" + field + "' is missing or not a list");
        int[] cps = new int[l.size()];
        for (int i = 0; i < cps.length; i++) {
            Object v = l.get(i);
            if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 0 || n.doubleValue() > Character.MAX_CODE_POINT) {
                throw new IllegalArgumentException(source + ": field '" + field + "[" + i + "]' is not a Unicode code point: " + Printable.of(String.valueOf(v)));
            }
            cps[i] = n.intValue();
            if (i > 0 && cps[i] <= cps[i - 1]) {
                throw new IllegalArgumentException(source + ": field '" + field + "' must be increasing, but entry " + i + " (" + cps[i] + ") follows " + cps[i - 1]);
            }
        }
        return cps;
    }
}
