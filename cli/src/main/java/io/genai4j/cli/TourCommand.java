package io.genai4j.cli;

import io.genai4j.course.tour.Narrator;
import io.genai4j.course.tour.Tour;
import io.genai4j.course.tour.TourContext;
import io.genai4j.text.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai tour}: every lesson that exists, narrated, on the bundled data, in a minute or so. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"A narrated walk through every lesson that exists, on the bundled tiny Shakespeare.",
                "Writes its pictures (PNG) to --out."})
public final class TourCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "genai-tour", description = "Folder for the pictures (default: ./${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--seed", defaultValue = "1", description = "Seed for every sample (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Narrator narrator = new Narrator(System.out, Terminal.ansi());
        TourContext ctx = new TourContext(narrator, Corpus.tinyShakespeare(), seed, out.toAbsolutePath().normalize());
        Map<String, Object> figures = Tour.run(ctx, Tour.steps());
        if (json.on()) {
            Report r = new Report();
            figures.forEach(r::put);
            r.printJson(System.out);
        }
        return 0;
    }
}
