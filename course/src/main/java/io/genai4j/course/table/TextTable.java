package io.genai4j.course.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: a header, a rule, aligned columns. Numbers read best
 * right-aligned ({@link #right}); long cells can be capped with an ellipsis ({@link #maxWidth}).
 */
public final class TextTable {
    private final String[] headers;
    private final boolean[] right;
    private final int[] maxWidth;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = headers.clone();
        this.right = new boolean[headers.length];
        this.maxWidth = new int[headers.length];
    }

    /** Right-aligns the given columns. */
    public TextTable right(int... columns) {
        for (int c : columns) right[c] = true;
        return this;
    }

    public TextTable maxWidth(int column, int width) {
        maxWidth[column] = width;
        return this;
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.length) throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.length + " columns");
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = cap(String.valueOf(cells[i]).replace('\n', ' '), maxWidth[i]);
        rows.add(r);
        return this;
    }

    private static String cap(String s, int max) {
        if (max <= 0 || width(s) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The table as lines, each starting with {@code indent}. */
    public String render(String indent) {
        int[] w = new int[headers.length];
        for (int i = 0; i < headers.length; i++) w[i] = width(headers[i]);
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], width(r[i]));
        StringBuilder b = new StringBuilder();
        line(b, indent, headers, w);
        b.append(indent);
        for (int i = 0; i < w.length; i++) b.append(i == 0 ? "" : "  ").append("─".repeat(w[i]));
        b.append('\n');
        for (String[] r : rows) line(b, indent, r, w);
        return b.toString();
    }

    private void line(StringBuilder b, String indent, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) l.append("  ");
            String pad = " ".repeat(w[i] - width(cells[i]));
            l.append(right[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    @Override
    public String toString() {
        return render("");
    }
}
