package io.genai4j.cli.vae;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.course.generative.LatentMapChart;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.LatentPlane;
import io.genai4j.models.vae.VaeFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai vae map}: the latent plane of a 2-D VAE, decoded and populated with the test digits. */
@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"For a VAE trained with --latent 2: draw the decoder's digits on a grid over the latent plane beside the test",
                "digits' means coloured by label, and report each digit's centroid and how many digits lie nearest their own."})
public final class VaeMap implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "runs/vae-2d.safetensors", description = "A VAE with a 2-D latent (default: ${DEFAULT-VALUE}).") Path model;
    @Mixin MnistOption data;
    @Option(names = "--grid", defaultValue = "20", description = "Decoded digits per side (default ${DEFAULT-VALUE}).") int grid;
    @Option(names = "--extent", defaultValue = "3", description = "The plane shown, [-E, E] on both axes (default ${DEFAULT-VALUE}: 3 prior standard deviations).") double extent;
    @Option(names = "--png", defaultValue = "runs/vae-map.png", description = "Picture (default: ${DEFAULT-VALUE}).") Path png;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        ConvVae vae = VaeFile.load(model);
        if (vae.config.latent() != 2) throw new IllegalArgumentException(model + ": field 'latent' is " + vae.config.latent() + "; a map needs a VAE trained with --latent 2");
        LatentPlane.Map map = LatentPlane.of(vae, grid, extent, data.split().test());
        Path written = LatentMapChart.save(png, "A 2-D VAE's latent plane", map, vae.config.imageSize());
        double[][] c = map.centroids();
        List<List<Double>> centroids = new ArrayList<>();
        for (int l = 0; l < c.length; l++) {
            System.out.printf(Locale.ROOT, "digit %d: centroid (%+.2f, %+.2f)%n", l, c[l][0], c[l][1]);
            centroids.add(List.of(Rounding.places(c[l][0], 3), Rounding.places(c[l][1], 3)));
        }
        double acc = map.nearestCentroidAccuracy();
        System.out.printf(Locale.ROOT, "%.1f%% of %,d test digits lie nearest their own digit's centroid; picture: %s%n", 100 * acc, map.labels().length, written);
        if (json.on()) new Report().put("png", written.toString()).put("digits", map.labels().length).put("grid", grid).put("extent", extent)
                .put("centroids", centroids).put("nearest_centroid_accuracy", Rounding.places(acc, 4)).printJson(System.out);
        return 0;
    }
}
