package io.genai4j.cli.rnn;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.TokenPrinter;
import io.genai4j.models.rnn.CharRnnCheckpoint;
import io.genai4j.models.rnn.CharRnnEvaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai rnn sample}: text from a char RNN (the bundled Shakespeare LSTM by default). */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Sample text from a char RNN checkpoint (default: the bundled Shakespeare LSTM).")
public final class RnnSample implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", description = "Checkpoint (default: the bundled one).") Path model;
    @Option(names = "--prompt", defaultValue = "ROMEO:", description = "Start of the text (default ${DEFAULT-VALUE}).") String prompt;
    @Option(names = "--chars", defaultValue = "300", description = "Characters to generate (default ${DEFAULT-VALUE}).") int chars;
    @Option(names = "--temperature", defaultValue = "0.8", description = "Temperature (default ${DEFAULT-VALUE}).") float temperature;
    @Mixin SeedOption seed = new SeedOption(1);
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (chars < 0) throw new IllegalArgumentException("--chars must be >= 0, got " + chars);
        CharRnnCheckpoint ck = model != null ? CharRnnCheckpoint.load(model) : CharRnnCheckpoint.bundled();
        if (ck == null) throw new IllegalStateException("no bundled RNN checkpoint in this build; pass --model FILE");
        int[] p;
        try {
            p = ck.chars().encode(prompt);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the prompt has a character the model never saw: " + e.getMessage());
        }
        if (p.length == 0) throw new IllegalArgumentException("--prompt must not be empty");
        System.out.print(prompt);
        System.out.flush();
        TokenPrinter printer = new TokenPrinter(ck.chars(), p, System.out);
        String text = prompt + ck.chars().decode(CharRnnEvaluation.sample(ck.model(), p, chars, temperature, seed.value(), printer::accept));
        printer.finish();
        System.out.println();
        if (json.on()) new Report().put("model", ck.model().config.shortName()).put("text", text).printJson(System.out);
        return 0;
    }
}
