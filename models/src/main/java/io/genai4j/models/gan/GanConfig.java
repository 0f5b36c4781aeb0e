package io.genai4j.models.gan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of a {@link Gan}: {@code latent} dimensions of the noise z, {@code width} feature maps
 * (the generator's last convolution and the discriminator's first; twice that one level deeper),
 * square images {@code imageSize} pixels wide (a multiple of 4: both halves work at side/4 and side/2).
 */
public record GanConfig(int latent, int width, int imageSize) {
    public GanConfig {
        if (latent < 1 || width < 1) throw new IllegalArgumentException("--latent and --width must be >= 1, got " + latent + " and " + width);
        if (imageSize < 4 || imageSize % 4 != 0) throw new IllegalArgumentException("the image size must be a multiple of 4, got " + imageSize);
    }

    /** For 28×28 digits. */
    public static GanConfig mnist(int latent, int width) {
        return new GanConfig(latent, width, 28);
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

    public static GanConfig fromMap(Map<String, Object> m) {
        return new GanConfig(num(m, "latent"), num(m, "width"), num(m, "image_size"));
    }

    private static int num(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) throw new IllegalArgumentException("field '" + key + "' is missing or not a number");
        return n.intValue();
    }
}
