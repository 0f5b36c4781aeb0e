package io.genai4j.models.captioner;

import java.util.List;

/**
 * One generated picture: its digits from left to right and its RGB pixels, three channel planes of
 * size×size values in [0, 1] (the [3, S, S] layout of an NCHW image).
 */
public record Scene(List<Placed> digits, float[] pixels, int size) {
    /** A digit painted in a colour, large or small, its square's top-left corner at (x, y) with the given side. */
    public record Placed(int digit, Colour colour, boolean large, int x, int y, int side) {}

    public Scene {
        digits = List.copyOf(digits);
        if (pixels.length != 3 * size * size) throw new IllegalArgumentException("a scene of side " + size + " needs " + 3 * size * size + " values, got " + pixels.length);
    }
}
