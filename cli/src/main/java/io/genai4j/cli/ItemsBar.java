package io.genai4j.cli;

import io.genai4j.engine.util.Progress;
import java.util.function.IntConsumer;

/**
 * A progress bar over a known number of items (sentences encoded, translated), fed by a library's
 * "n more done" callback. The bar appears with the first item, so work that turns out to be cached
 * draws nothing.
 */
public final class ItemsBar implements IntConsumer, AutoCloseable {
    private final String label, unit;
    private final long total;
    private Progress bar;

    public ItemsBar(String label, long total, String unit) {
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    @Override
    public synchronized void accept(int done) {
        if (bar == null) bar = new Progress(label, total).rate(unit, 1);
        bar.advance(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
    }
}
