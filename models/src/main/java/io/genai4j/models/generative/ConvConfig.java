package io.genai4j.models.generative;

import static io.genai4j.models.train.ConfigFields.num;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of the small convolutional image models (the VAE, the GAN): {@code latent} dimensions of
 * the code or noise z, {@code width} feature maps at half resolution (twice that at a quarter), square
 * images {@code imageSize} pixels wide (a multiple of 4: the networks halve or double the side twice).
 */
public record ConvConfig(int latent, int width, int imageSize) {
    public ConvConfig {
        if (latent < 1 || width < 1) throw new IllegalArgumentException("--latent and --width must be >= 1, got " + latent + " and " + width);
        if (imageSize < 4 || imageSize % 4 != 0) throw new IllegalArgumentException("the image size must be a multiple of 4, got " + imageSize);
    }

    /** For 28×28 digits. */
    public static ConvConfig mnist(int latent, int width) {
        return new ConvConfig(latent, width, 28);
    }

    /** The side of the smallest feature maps. */
    public int side() {
        return imageSize / 4;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latent", latent);
        m.put("width", width);
        m.put("image_size", imageSize);
        return m;
    }

    public static ConvConfig fromMap(Map<String, Object> m) {
        return new ConvConfig(num(m, "latent"), num(m, "width"), num(m, "image_size"));
    }
}
