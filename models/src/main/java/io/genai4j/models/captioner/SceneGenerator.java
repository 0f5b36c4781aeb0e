package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.models.vision.Images;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenes of 1–3 MNIST digits on a black 56×56 RGB canvas, generated deterministically: scene i of
 * a generator depends only on (seed, i) and the digit pool, so a "data set" is a range of indices
 * and nothing is stored.
 *
 * <p>Within a scene the digits and colours are distinct; digits are large (28 px, the MNIST image)
 * or small (14 px, averaged 2×2), placed left to right with random gaps (never overlapping
 * horizontally, so "to the left of" is always true) at random heights.
 *
 * <p>Compositional held-out split: the colour–digit pairs (d, colour d mod 4) — a red 0, a green 1,
 * a blue 2, a yellow 3, a red 4, ... — never occur in {@link Split#TRAIN} scenes, and every
 * {@link Split#HELD_OUT} scene contains at least one of them. Every digit and every colour is seen
 * in training, only not together. Training scenes draw their digits from the vision lesson's
 * 8,000-image pool, held-out scenes from its test split.
 */
public final class SceneGenerator {
    public static final int SIZE = 56, LARGE = 28, SMALL = 14;

    public enum Split { TRAIN, HELD_OUT }

    private final Images pool;
    private final Split split;
    private final long seed;
    private final int[][] byDigit = new int[10][];

    public SceneGenerator(Images pool, Split split, long seed) {
        if (pool.height() != LARGE || pool.width() != LARGE) throw new IllegalArgumentException("scene digits must be " + LARGE + "×" + LARGE + ", got " + pool.height() + "×" + pool.width());
        this.pool = pool;
        this.split = split;
        this.seed = seed;
        List<List<Integer>> lists = new ArrayList<>();
        for (int d = 0; d < 10; d++) lists.add(new ArrayList<>());
        for (int i = 0; i < pool.size(); i++) lists.get(pool.labels()[i]).add(i);
        for (int d = 0; d < 10; d++) {
            if (lists.get(d).isEmpty()) throw new IllegalArgumentException("the digit pool has no image of a " + d);
            byDigit[d] = lists.get(d).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** True for the colour–digit pairs kept out of training. */
    public static boolean heldOut(int digit, Colour colour) {
        return colour.ordinal() == digit % Colour.values().length;
    }

    public Split split() {
        return split;
    }

    /** Scene number index (any non-negative number; the same index always gives the same scene). */
    public Scene scene(long index) {
        Rng rng = new Rng(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + split.ordinal());
        int n = 1 + rng.nextInt(3);
        int[] digits = distinct(10, n, rng);
        Colour[] colours = colours(digits, rng);
        boolean[] large = new boolean[n];
        int width;
        do {
            width = 0;
            for (int i = 0; i < n; i++) {
                large[i] = rng.nextInt(2) == 1;
                width += large[i] ? LARGE : SMALL;
            }
        } while (width > SIZE);
        // the slack is cut at n sorted random points into n + 1 gaps
        int slack = SIZE - width;
        int[] cuts = new int[n];
        for (int i = 0; i < n; i++) cuts[i] = rng.nextInt(slack + 1);
        java.util.Arrays.sort(cuts);
        float[] px = new float[3 * SIZE * SIZE];
        List<Scene.Placed> placed = new ArrayList<>();
        int x = 0;
        for (int i = 0; i < n; i++) {
            x += cuts[i] - (i == 0 ? 0 : cuts[i - 1]);
            int side = large[i] ? LARGE : SMALL;
            int y = rng.nextInt(SIZE - side + 1);
            int[] images = byDigit[digits[i]];
            paint(px, pool.image(images[rng.nextInt(images.length)]), large[i], colours[i], x, y);
            placed.add(new Scene.Placed(digits[i], colours[i], large[i], x, y, side));
            x += side;
        }
        return new Scene(placed, px, SIZE);
    }

    /** Distinct colours for the digits: no held-out pair in training, at least one in held-out scenes. */
    private Colour[] colours(int[] digits, Rng rng) {
        Colour[] all = Colour.values();
        while (true) {
            int[] pick = distinct(all.length, digits.length, rng);
            Colour[] c = new Colour[digits.length];
            boolean anyHeldOut = false;
            for (int i = 0; i < digits.length; i++) {
                c[i] = all[pick[i]];
                anyHeldOut |= heldOut(digits[i], c[i]);
            }
            if (anyHeldOut == (split == Split.HELD_OUT)) return c;
        }
    }

    /** k distinct numbers from 0..n-1 in random order. */
    private static int[] distinct(int n, int k, Rng rng) {
        int[] p = io.genai4j.models.vision.Mnist.permutation(n, rng);
        return java.util.Arrays.copyOf(p, k);
    }

    /** Paints a 28×28 digit (2×2-averaged to 14×14 when small) at (x0, y0), keeping the brighter value per channel. */
    private static void paint(float[] px, float[] digit, boolean large, Colour colour, int x0, int y0) {
        int side = large ? LARGE : SMALL, f = LARGE / side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = 0;
                for (int dy = 0; dy < f; dy++) for (int dx = 0; dx < f; dx++) v += digit[(y * f + dy) * LARGE + x * f + dx];
                v /= f * f;
                for (int c = 0; c < 3; c++) {
                    int at = (c * SIZE + y0 + y) * SIZE + x0 + x;
                    px[at] = Math.max(px[at], v * colour.rgb[c]);
                }
            }
        }
    }
}
