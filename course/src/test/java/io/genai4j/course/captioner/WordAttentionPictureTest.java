package io.genai4j.course.captioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word panels keep the attended patch's colours and dim the rest; the scene panel is the scene. */
class WordAttentionPictureTest {
    @Test
    void attendedPatchesStayBrightOthersFade(@TempDir Path dir) throws Exception {
        int size = 8;
        float[] rgb = new float[3 * size * size];
        Arrays.fill(rgb, 0, size * size, 1f);                           // a red square filling the scene
        float[][] map = {{1f, 0f}, {0f, 0f}};                           // 2×2 patches: only the top-left one attended
        BufferedImage p = WordAttentionPicture.panel(rgb, size, map);
        int hot = p.getRGB(0, 0), cold = p.getRGB(p.getWidth() - 1, p.getHeight() - 1);
        assertEquals(255, (hot >> 16) & 0xFF, "attended red keeps its value");
        assertTrue(((cold >> 16) & 0xFF) < 80, "unattended red fades: " + ((cold >> 16) & 0xFF));
        assertEquals(255, (WordAttentionPicture.panel(rgb, size, null).getRGB(p.getWidth() - 1, 0) >> 16) & 0xFF, "the scene panel is undimmed");

        Path png = WordAttentionPicture.save(dir.resolve("a.png"), "t", "s", rgb, size, new float[][][] {map, map}, List.of("a", "red"));
        assertTrue(Files.size(png) > 500);
    }
}
