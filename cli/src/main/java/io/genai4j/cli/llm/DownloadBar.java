package io.genai4j.cli.llm;

import io.genai4j.engine.util.Progress;
import io.genai4j.llm.hub.DownloadListener;
import java.io.PrintStream;

/**
 * A download drawn as a progress bar, one per file. A resumed download shows the rest only, so the
 * rate counts this run's bytes alone.
 */
final class DownloadBar implements DownloadListener {
    private final PrintStream out;
    private final boolean interactive;
    private Progress bar;

    /** On stderr, redrawn in place on a terminal. */
    DownloadBar() {
        this(System.err, System.console() != null);
    }

    DownloadBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void started(String file, long from, long total) {
        String label = from == 0 ? file : file + " (resumed at " + from * 100 / Math.max(total, 1) + "%)";
        bar = new Progress(label, total - from, out, interactive).rate("MB", 1e-6);
    }

    @Override
    public void received(long received) {
        bar.update(received, "");
    }

    @Override
    public void ended() {
        bar.close();
        bar = null;
    }
}
