package io.genai4j.models.captioner;

import java.util.Locale;

/** The colours a digit is painted in: its ink intensity times this RGB. */
public enum Colour {
    RED(1f, 0.1f, 0.1f), GREEN(0.1f, 1f, 0.1f), BLUE(0.25f, 0.45f, 1f), YELLOW(1f, 1f, 0.1f);

    final float[] rgb;

    Colour(float r, float g, float b) {
        this.rgb = new float[] {r, g, b};
    }

    /** The caption word: "red", "green", ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
