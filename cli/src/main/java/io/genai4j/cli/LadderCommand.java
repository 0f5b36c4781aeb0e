package io.genai4j.cli;

import io.genai4j.course.ladder.Ladder;
import io.genai4j.course.ladder.LadderData;
import io.genai4j.course.ladder.LadderResult;
import io.genai4j.course.ladder.LadderStep;
import io.genai4j.text.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai ladder}: every model of the course on one validation split, as a table and a PNG. */
@Command(name = "ladder", mixinStandardHelpOptions = true,
        description = {"Every model so far on one char-level validation split: the course as one table.",
                "Val nats/char, bits/char, size and a sample per model on tiny Shakespeare; also writes a bar chart."})
public final class LadderCommand implements Callable<Integer> {
    @Mixin
    CorpusOption corpus;
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "ladder.png", description = "Where to write the chart (default: ${DEFAULT-VALUE}).")
    Path png;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the samples (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        Corpus c = corpus.load();
        LadderData data = LadderData.of(c, seed, 80);
        System.out.printf(Locale.ROOT, "The ladder on %s: train on the first 90%% (%,d chars), score the last 10%% (%,d chars), one character at a time.%n",
                c.name(), Corpus.characters(data.train()), data.valChars());
        int nameWidth = Ladder.nameWidth();
        List<LadderResult> results = Ladder.run(data, r -> System.out.println("  " + Ladder.progressLine(r, nameWidth)));
        System.out.println();
        System.out.print(Ladder.table(results).render("  "));
        Path written = Ladder.chart(results, c.name(), png);
        System.out.println();
        System.out.println("Chart: " + written);
        if (json.on()) {
            new Report().put("corpus", c.name()).put("val_chars", data.valChars()).put("png", written.toString())
                    .put("ladder", results.stream().map(LadderStep::json).toList()).printJson(System.out);
        }
        return 0;
    }
}
