package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.F;
import io.genai4j.models.generative.ModelFile;
import io.genai4j.models.train.ConfigFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Diffusion on the pixels themselves (DDPM as Ho et al. trained it): images with pixels in [0, 1]
 * are mapped to [−1, 1], the data x_0; a {@link PixelUNet} predicts the noise. When the U-Net has
 * classes, training drops each label to the null class with probability {@code labelDropout}, so
 * that sampling can use {@link ClassifierFreeGuidance}.
 */
public final class PixelDiffusion extends Module implements Denoising {
    public static final String FORMAT = "genai4j-pixel-diffusion";

    public final PixelUNet unet;
    private final NoiseSchedule schedule;
    public final double labelDropout;

    /** Images denoised together when sampling: bounds the convolutions' im2col buffers (they grow with the batch). */
    static final int SAMPLE_BATCH = 100;

    public PixelDiffusion(PixelUNet.Config c, String schedule, double labelDropout, Rng rng) {
        if (!(labelDropout >= 0 && labelDropout < 1)) throw new IllegalArgumentException("--label-dropout must be in [0, 1), got " + labelDropout);
        this.unet = add("unet", new PixelUNet(c, rng));
        this.schedule = NoiseSchedule.of(schedule, c.steps());
        this.labelDropout = labelDropout;
    }

    /** Pixels in [0, 1] → the model's data range [−1, 1]. */
    public static Tensor toData(Tensor pixels) {
        return pixels.mul(2f).sub(1f);
    }

    @Override
    public NoiseSchedule schedule() {
        return schedule;
    }

    @Override
    public Tensor predictNoise(Tensor xt, int[] t, int[] classes) {
        return unet.forward(xt, t, classes);
    }

    @Override
    public int[] trainingClasses(int[] labels, Rng rng) {
        if (unet.config.classes() == 0) return null;
        if (labels == null) throw new IllegalArgumentException("a class-conditional model trains on labelled images");
        return ClassifierFreeGuidance.dropLabels(labels, labelDropout, unet.config.nullClass(), rng);
    }

    /** n labels 0, 1, …, classes − 1, 0, 1, …: every class equally often (null when unconditional). */
    public int[] labelsInTurn(int n) {
        if (!conditional()) return null;
        int[] l = new int[n];
        for (int i = 0; i < n; i++) l[i] = i % unet.config.classes();
        return l;
    }

    public boolean conditional() {
        return unet.config.classes() > 0;
    }

    /**
     * Images [n, 1, S, S] with pixels in [0, 1]: unconditional when {@code labels} is null (the null
     * class of a conditional model), else one image per label, guided with weight w.
     */
    public Tensor sample(int n, int[] labels, double guidance, String sampler, int steps, Rng rng) {
        if (labels != null && labels.length != n) throw new IllegalArgumentException(labels.length + " labels for " + n + " samples");
        int[] classes = null;
        if (conditional()) {
            classes = new int[n];
            for (int i = 0; i < n; i++) {
                int c = labels == null ? unet.config.nullClass() : labels[i];
                if (c < 0 || c > unet.config.nullClass()) throw new IllegalArgumentException("--label must be in 0.." + (unet.config.classes() - 1) + ", got " + c);
                classes[i] = c;
            }
        } else if (labels != null || guidance != 0) {
            throw new IllegalArgumentException("this diffusion model is unconditional: it takes no --label or --guidance");
        }
        int s = unet.config.imageSize();
        Tensor[] parts = new Tensor[(n + SAMPLE_BATCH - 1) / SAMPLE_BATCH];
        boolean was = isTraining();
        eval();
        try (Grad g = Grad.off()) {
            for (int p = 0; p < parts.length; p++) {
                int from = p * SAMPLE_BATCH, k = Math.min(SAMPLE_BATCH, n - from);
                int[] c = classes == null ? null : Arrays.copyOfRange(classes, from, from + k);
                EpsilonModel eps = c == null ? (x, t) -> predictNoise(x, t, null) : ClassifierFreeGuidance.guided(this, c, unet.config.nullClass(), guidance);
                parts[p] = Samplers.sample(sampler, schedule, eps, steps, 1, rng, k, 1, s, s);
            }
            return (parts.length == 1 ? parts[0] : F.cat(0, parts)).add(1f).mul(0.5f);
        } finally {
            train(was);
        }
    }

    public Map<String, Object> configMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        PixelUNet.Config c = unet.config;
        m.put("width", c.width());
        m.put("image_size", c.imageSize());
        m.put("steps", c.steps());
        m.put("classes", c.classes());
        m.put("attention", c.attention());
        m.put("label_dropout", labelDropout);
        m.put("schedule", schedule.kind());
        return m;
    }

    public void save(Path file, Map<String, Object> train) throws IOException {
        ModelFile.save(file, FORMAT, this, configMap(), train);
    }

    public static PixelDiffusion load(Path file) throws IOException {
        return ModelFile.load(file, FORMAT, "train one with `genai diffusion train --space pixel --out FILE`", h -> {
            Map<String, Object> m = h.config();
            return new PixelDiffusion(new PixelUNet.Config(ConfigFields.num(m, "width"), ConfigFields.num(m, "image_size"), ConfigFields.num(m, "steps"), ConfigFields.num(m, "classes"),
                            ConfigFields.flag(m, "attention", false)),
                    String.valueOf(m.get("schedule")), ConfigFields.dbl(m, "label_dropout"), new Rng(0));
        });
    }
}
