package io.genai4j.cli.vision;

import io.genai4j.cli.Report;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.course.vision.AttentionOverlay;
import io.genai4j.course.vision.PngDigit;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.vision.AttentionRollout;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Vit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai vision attention}: the ViT's class-token attention over the patches, rolled out layer by layer, over the digit. */
@Command(name = "attention", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Where a trained ViT's class token looks: attention rollout (Abnar & Zuidema 2020) after each layer, drawn over the digit.",
                "Rollout averages the heads, adds the residual path (½A + ½I) and multiplies the layers up to that one."})
public final class VisionAttention implements Callable<Integer> {
    @Mixin CheckpointOption checkpoint;
    @Option(names = "--index", defaultValue = "0", description = "Which test image (0-based; default ${DEFAULT-VALUE}).") int index;
    @Option(names = "--image", paramLabel = "PNG", description = "Use this picture instead of a test image.") Path image;
    @Option(names = "--direct", description = "Draw each layer's own class-token attention instead of the rollout.") boolean direct;
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "runs/vision-attention.png", description = "Picture (default: ${DEFAULT-VALUE}).") Path png;
    @Mixin MnistOption data;
    @Option(names = "--json", description = "Also print the maps [layer][row][column] as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(checkpoint.load("vit").model() instanceof Vit vit)) throw new IllegalArgumentException("attention needs a ViT checkpoint (train one with `genai vision train --model vit`)");
        int size = vit.config.imageSize();
        float[] px;
        String what;
        int label = -1;
        if (image != null) {
            px = PngDigit.read(image, size);
            what = image.getFileName().toString();
        } else {
            Images test = data.split().test();
            if (index < 0 || index >= test.size()) throw new IllegalArgumentException("--index must be 0.." + (test.size() - 1) + ", got " + index);
            px = test.image(index);
            label = test.labels()[index];
            what = "test image " + index;
        }
        AttentionRollout r = AttentionRollout.of(vit, Tensor.of(px, 1, 1, size, size));
        float[][][] maps = direct ? r.direct() : r.rollout();
        List<String> titles = new ArrayList<>();
        for (int l = 0; l < maps.length; l++) titles.add("layer " + (l + 1));
        String sub = String.format(Locale.ROOT, "%s%s, predicted %d; %s; red = class-token attention per %d×%d-pixel patch", what,
                label >= 0 ? " (label " + label + ")" : "", r.predicted(), direct ? "each layer alone" : "rolled out", vit.config.patch(), vit.config.patch());
        AttentionOverlay.save(png, "ViT class-token attention", sub, px, size, size, maps, titles);
        System.out.println(sub);
        System.out.println("picture: " + png.toAbsolutePath());
        if (json) {
            List<List<List<Double>>> out = new ArrayList<>();
            for (float[][] map : maps) {
                List<List<Double>> rows = new ArrayList<>();
                for (float[] row : map) {
                    List<Double> rr = new ArrayList<>();
                    for (float v : row) rr.add(Rounding.places(v, 4));
                    rows.add(rr);
                }
                out.add(rows);
            }
            new Report().put("image", what).put("label", label).put("predicted", r.predicted()).put("mode", direct ? "direct" : "rollout")
                    .put("grid", r.grid()).put("maps", out).put("png", png.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
