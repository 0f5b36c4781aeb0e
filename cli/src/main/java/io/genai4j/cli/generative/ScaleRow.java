package io.genai4j.cli.generative;

import io.genai4j.engine.util.Rounding;
import io.genai4j.models.generative.DigitScale;
import io.genai4j.models.train.CpuClock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One generative model on the scale: n samples drawn (their process CPU time per image measured),
 * scored by {@link DigitScale}, with the training cost and size from the model file.
 */
public record ScaleRow(String model, DigitScale.Score score, double trainCpuSeconds, long parameters, double sampleCpuMsPerImage, float[][] samples) {

    /** Draws n samples with {@code sampler} (n → images in [0, 1]) and scores them. */
    public static ScaleRow measure(String model, DigitScale scale, int n, IntFunction<float[][]> sampler, double trainCpuSeconds, long parameters) {
        long c0 = CpuClock.processNanos();
        float[][] samples = sampler.apply(n);
        double ms = (CpuClock.processNanos() - c0) / 1e6 / n;
        return new ScaleRow(model, scale.score(samples), trainCpuSeconds, parameters, ms, samples);
    }

    /** The row as JSON fields. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("fid_mnist", Rounding.places(score.frechet(), 3));
        m.put("confidence", Rounding.places(score.confidence(), 4));
        m.put("label_entropy_bits", Rounding.places(score.entropyBits(), 3));
        m.put("label_histogram", score.histogram());
        m.put("samples", score.samples());
        m.put("train_cpu_seconds", Double.isNaN(trainCpuSeconds) ? null : Rounding.places(trainCpuSeconds, 1));
        m.put("parameters", parameters);
        m.put("sample_cpu_ms_per_image", Rounding.places(sampleCpuMsPerImage, 3));
        return m;
    }

    /** One line of the printed table. */
    public String line() {
        return String.format(Locale.ROOT, "%-30s %9.2f %10.3f %8.2f %10s %10s %11.2f  %s", model, score.frechet(), score.confidence(), score.entropyBits(),
                Double.isNaN(trainCpuSeconds) ? "-" : String.format(Locale.ROOT, "%.0f", trainCpuSeconds), parameters < 0 ? "-" : String.format(Locale.ROOT, "%,d", parameters),
                sampleCpuMsPerImage, Arrays.toString(score.histogram()));
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-30s %9s %10s %8s %10s %10s %11s  %s", "model", "FID-MNIST", "confidence", "H(bits)", "train CPU s", "parameters", "CPU ms/img", "labels 0-9");
    }
}
