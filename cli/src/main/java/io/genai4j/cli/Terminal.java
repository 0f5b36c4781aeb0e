package io.genai4j.cli;

/** Whether stdout is a terminal that wants ANSI styling (no NO_COLOR, not a dumb terminal). */
public final class Terminal {
    private Terminal() {}

    public static boolean ansi() {
        var c = System.console();
        return c != null && c.isTerminal() && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }
}
