package io.genai4j.course.tour;

import io.genai4j.course.table.TextTable;
import java.io.PrintStream;

/**
 * Prints the tour for a person: step headings, wrapped paragraphs, indented tables and notes.
 * ANSI bold and dim only when asked (a terminal without {@code NO_COLOR}); plain text otherwise, so
 * logs and pipes stay clean.
 */
public final class Narrator {
    private static final int WIDTH = 92;
    private final PrintStream out;
    private final boolean ansi;

    public Narrator(PrintStream out, boolean ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    public PrintStream out() {
        return out;
    }

    public String bold(String s) {
        return ansi ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    public String dim(String s) {
        return ansi ? "\u001b[2m" + s + "\u001b[0m" : s;
    }

    public void banner(String title, String subtitle) {
        out.println();
        out.println(bold(title));
        out.println(dim(subtitle));
    }

    public void heading(int index, int total, String title) {
        String head = "━━ " + index + "/" + total + "  " + title + " ";
        out.println();
        out.println(bold(head + "━".repeat(Math.max(3, WIDTH - head.length()))));
    }

    /** An unnumbered heading (the summary). */
    public void section(String title) {
        String head = "━━ " + title + " ";
        out.println();
        out.println(bold(head + "━".repeat(Math.max(3, WIDTH - head.length()))));
    }

    /** A paragraph, wrapped at the tour's width. */
    public void say(String text) {
        out.println(wrap(text, "", WIDTH));
    }

    public void note(String text) {
        out.println(dim(wrap(text, "  ", WIDTH)));
    }

    public void table(TextTable t) {
        out.print(t.render("  "));
    }

    /** A quoted, indented block (generated text), each line capped at the tour's width. */
    public void quote(String text, int maxLines) {
        String[] lines = text.strip().lines().filter(l -> !l.isBlank()).toArray(String[]::new);
        for (int i = 0; i < Math.min(maxLines, lines.length); i++) {
            String l = lines[i];
            if (l.length() > WIDTH - 4) l = l.substring(0, WIDTH - 5) + "…";
            out.println("  │ " + l);
        }
        if (lines.length > maxLines) out.println("  │ …");
    }

    public void blank() {
        out.println();
    }

    static String wrap(String text, String indent, int width) {
        StringBuilder b = new StringBuilder();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder(indent);
            for (String word : para.split(" ")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                    b.append(line).append('\n');
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) line.append(' ');
                line.append(word);
            }
            b.append(line).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }
}
