package io.genai4j.cli.gan;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.cli.generative.ScaleModels;
import io.genai4j.cli.generative.ScaleRow;
import io.genai4j.models.generative.DigitScale;
import io.genai4j.models.generative.shipped.ScaleClassifier;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai gan eval}: the GAN's row of {@code genai generative compare}. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a trained GAN on the scale of the generative lessons: n samples against the 1,500 test digits,",
                "FID-MNIST, the scale classifier's confidence and label histogram (a collapsed GAN makes few labels)."})
public final class GanEval implements Callable<Integer> {
    @Option(names = "--model", defaultValue = GanCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path model;
    @Option(names = "--classifier", paramLabel = "FILE", description = "LeNet checkpoint of the scale (default: the shipped one).") Path classifier;
    @Mixin MnistOption data;
    @Option(names = "--n", defaultValue = "1500", description = "Samples (default ${DEFAULT-VALUE}).") int n;
    @Mixin SeedOption seed = new SeedOption(1);
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (n < 2) throw new IllegalArgumentException("--n must be >= 2 (a covariance needs two samples), got " + n);
        DigitScale scale = new DigitScale(ScaleClassifier.model(classifier), data.split().test());
        ScaleRow row = ScaleModels.gan(model, scale, n, seed.value());
        System.out.println(ScaleRow.header());
        System.out.println(row.line());
        if (json.on()) {
            Report rep = new Report();
            row.toMap().forEach(rep::put);
            rep.put("references", scale.references()).printJson(System.out);
        }
        return 0;
    }
}
