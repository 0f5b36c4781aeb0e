package io.genai4j.course.ladder;

import io.genai4j.course.chart.BarChart;
import io.genai4j.course.chart.Canvas;
import io.genai4j.course.table.TextTable;
import io.genai4j.text.Tokenizer;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The course's "from simple to complex" in one table and one picture: every registered model's
 * validation cross-entropy on the same char-level split of tiny Shakespeare.
 *
 * <p>This orchestration lives in the course (not the CLI) so that the tour reuses it; the models
 * only train and evaluate, the CLI only parses flags and prints.
 */
public final class Ladder {
    private Ladder() {}

    /** Every rung that the modules on the class path provide, simplest first. */
    public static List<LadderEntry> entries() {
        List<LadderEntry> out = new ArrayList<>();
        for (LadderProvider p : ServiceLoader.load(LadderProvider.class)) out.addAll(p.entries());
        out.sort(Comparator.comparingInt(LadderEntry::rank).thenComparing(LadderEntry::name));
        return out;
    }

    /** Runs every rung in order; {@code progress} sees each result as it arrives. */
    public static List<LadderResult> run(LadderData data, Consumer<LadderResult> progress) throws Exception {
        return run(data, entries(), progress);
    }

    /** Runs the given rungs in order (the studio's quick ladder: the counting rungs only). */
    public static List<LadderResult> run(LadderData data, List<LadderEntry> rungs, Consumer<LadderResult> progress) throws Exception {
        List<LadderResult> out = new ArrayList<>();
        for (LadderEntry e : rungs) {
            LadderResult r = e.run(data);
            if (r == null) continue;   // the rung does not apply to this corpus
            out.add(r);
            progress.accept(r);
        }
        return out;
    }

    /** The widest rung name, so that progress lines keep their figures in one column. */
    public static int nameWidth() {
        int w = 0;
        for (LadderEntry e : entries()) w = Math.max(w, e.name().codePointCount(0, e.name().length()));
        return w;
    }

    /** The line shown as a rung finishes, the name padded to nameWidth (a fixed %-16s broke on "LSTM 2×256 (char)"). */
    public static String progressLine(LadderResult r, int nameWidth) {
        String name = r.name();
        int pad = Math.max(0, nameWidth - name.codePointCount(0, name.length()));
        return String.format(Locale.ROOT, "%s%s  %.3f nats/char  (%.1f s)", name, " ".repeat(pad), r.valNatsPerChar(), r.seconds());
    }

    public static TextTable table(List<LadderResult> results) {
        TextTable t = new TextTable("model", "size", "val nats/char", "bits/char", "train+eval", "sample").right(1, 2, 3, 4).maxWidth(5, 44);
        for (LadderResult r : results) {
            t.row(r.name(), humanSize(r.size()) + " " + r.sizeUnit(), String.format(Locale.ROOT, "%.3f", r.valNatsPerChar()),
                    String.format(Locale.ROOT, "%.3f", r.bitsPerChar()), String.format(Locale.ROOT, "%.1f s", r.seconds()),
                    Tokenizer.visible(r.sample()).replace('␣', ' '));
        }
        return t;
    }

    /** The bar chart: one bar per rung, coloured by family. */
    public static Path chart(List<LadderResult> results, String corpusName, Path png) {
        Map<String, Color> colours = new LinkedHashMap<>();
        BarChart chart = new BarChart("The ladder: validation loss on " + corpusName, "nats per character (lower is better)")
                .subtitle("same char-level validation split (last 10%) for every model; bits/char = nats/char ÷ ln 2")
                .size(Math.max(700, 140 * results.size() + 160), 520);
        for (LadderResult r : results) {
            Color c = colours.computeIfAbsent(r.family(), f -> Canvas.PALETTE[colours.size() % Canvas.PALETTE.length]);
            chart.bar(r.name(), r.valNatsPerChar(), c);
        }
        return chart.save(png);
    }

    /** 194505 → "195k", 1234567 → "1.23M". */
    public static String humanSize(long n) {
        if (n < 1000) return String.valueOf(n);
        if (n < 1_000_000) return String.format(Locale.ROOT, "%.0fk", n / 1e3);
        if (n < 1_000_000_000) return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        return String.format(Locale.ROOT, "%.2fB", n / 1e9);
    }
}
