package io.genai4j.cli.llm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI draws what the hub client reports: a resumed download's bar counts this run's bytes only. */
class DownloadBarTest {
    @Test
    void aResumedDownloadShowsWhereItResumedAndTheRestOnly() {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        DownloadBar bar = new DownloadBar(new PrintStream(shown, true, StandardCharsets.UTF_8), false);
        bar.started("model.gguf", 123_456, 300_000);
        bar.received(100_000);
        bar.received(176_544);
        bar.ended();
        String text = shown.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("model.gguf (resumed at 41%)") && text.contains("176544/176544"), text);
    }
}
