package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.models.vision.Images;

/** A stand-in digit pool for tests: 28×28 images, label i % 10, a bright block whose place depends on the label plus noise. */
final class TinyDigits {
    private TinyDigits() {}

    static Images pool(int count, long seed) {
        Rng rng = new Rng(seed);
        float[] px = new float[count * 28 * 28];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int d = i % 10;
            labels[i] = d;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    boolean on = y / 7 == d % 4 && x / 7 == d / 4 || (y + x) % (d + 3) == 0;
                    px[i * 784 + y * 28 + x] = on ? 0.8f + 0.2f * rng.nextFloat() : 0.05f * rng.nextFloat();
                }
            }
        }
        return new Images(px, labels, 28, 28);
    }
}
