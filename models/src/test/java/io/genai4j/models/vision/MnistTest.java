package io.genai4j.models.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {

    @Test
    void readsTheTenThousandTestImagesWithTheirKnownFirstLabels() throws IOException {
        Path dir = SharedData.require("images/mnist/" + Mnist.IMAGES).getParent();
        Images all = Mnist.load(dir);
        assertEquals(10_000, all.size());
        assertEquals(28, all.height());
        assertEquals(28, all.width());
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, java.util.Arrays.copyOf(all.labels(), 10));   // LeCun's t10k order
        float max = 0;
        for (float v : all.pixels()) max = Math.max(max, v);
        assertEquals(1f, max, 1e-6);
    }

    @Test
    void splitIsDeterministicDisjointAndSized() throws IOException {
        Images all = Mnist.load(SharedData.require("images/mnist/" + Mnist.IMAGES).getParent());
        Mnist.Split a = Mnist.split(all), b = Mnist.split(all);
        assertEquals(8000, a.train().size());
        assertEquals(500, a.val().size());
        assertEquals(1500, a.test().size());
        assertArrayEquals(a.train().labels(), b.train().labels());
        assertArrayEquals(a.test().pixels(), b.test().pixels());
        Set<String> seen = new HashSet<>();
        for (Images part : new Images[] {a.train(), a.val(), a.test()}) {
            for (int i = 0; i < part.size(); i++) seen.add(java.util.Arrays.toString(part.image(i)));
        }
        assertTrue(seen.size() > 9_900, "the parts share no images (a few duplicates exist in MNIST itself): " + seen.size());
    }

    @Test
    void readsAHandWrittenIdxPairAndRefusesABadMagic(@TempDir Path dir) throws IOException {
        write(dir.resolve(Mnist.IMAGES), ByteBuffer.allocate(16 + 2 * 4).putInt(0x803).putInt(2).putInt(2).putInt(2)
                .put(new byte[] {0, (byte) 255, 51, 102, 1, 2, 3, 4}).array());
        write(dir.resolve(Mnist.LABELS), ByteBuffer.allocate(10).putInt(0x801).putInt(2).put(new byte[] {3, 9}).array());
        Images im = Mnist.load(dir);
        assertArrayEquals(new int[] {3, 9}, im.labels());
        assertArrayEquals(new float[] {0f, 1f, 0.2f, 0.4f}, im.image(0), 1e-6f);

        write(dir.resolve(Mnist.LABELS), ByteBuffer.allocate(10).putInt(0x803).putInt(2).put(new byte[] {3, 9}).array());
        IOException e = assertThrows(IOException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("magic") && e.getMessage().contains(Mnist.LABELS), e.getMessage());

        write(dir.resolve(Mnist.LABELS), ByteBuffer.allocate(9).putInt(0x801).putInt(2).put(new byte[] {3}).array());
        assertTrue(assertThrows(IOException.class, () -> Mnist.load(dir)).getMessage().contains("truncated"));
    }

    private static void write(Path f, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(bytes);
        }
    }
}
