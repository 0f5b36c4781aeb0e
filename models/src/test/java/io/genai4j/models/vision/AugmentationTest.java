package io.genai4j.models.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static float[] dot(int size, int y, int x) {
        float[] px = new float[size * size];
        px[y * size + x] = 1f;
        return px;
    }

    @Test
    void shiftMovesEveryPixelByWholePixels() {
        float[] in = dot(5, 1, 1), out = new float[25];
        Augmentation.transform(in, 0, 5, 5, out, 0, 0, 2, 1);
        assertArrayEquals(dot(5, 2, 3), out, 1e-6f);
    }

    @Test
    void quarterTurnRotatesAboutTheCentre() {
        // rotating by +90° maps (row 0, col 2) of a 5×5 image to (row 2, col 4): the top centre goes right
        float[] in = dot(5, 0, 2), out = new float[25];
        Augmentation.transform(in, 0, 5, 5, out, 0, Math.PI / 2, 0, 0);
        assertEquals(1f, out[2 * 5 + 4], 1e-6f);
        float sum = 0;
        for (float v : out) sum += v;
        assertEquals(1f, sum, 1e-5f);
    }

    @Test
    void noneCopiesTheImage() {
        float[] in = dot(4, 3, 0), out = new float[16];
        Augmentation.NONE.apply(in, 0, 4, 4, out, 0, new io.genai4j.engine.Rng(1));
        assertArrayEquals(in, out);
    }
}
