package io.genai4j.cli.vision;

import io.genai4j.models.vision.Mnist;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** A synthetic t10k IDX pair for CLI tests: n 28×28 images, a bar whose row is the label (i % 10). */
public final class SyntheticMnist {
    private SyntheticMnist() {}

    public static void write(Path dir, int n) throws IOException {
        try (DataOutputStream img = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve(Mnist.IMAGES))));
             DataOutputStream lbl = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve(Mnist.LABELS))))) {
            img.writeInt(0x803);
            img.writeInt(n);
            img.writeInt(28);
            img.writeInt(28);
            lbl.writeInt(0x801);
            lbl.writeInt(n);
            for (int i = 0; i < n; i++) {
                int label = i % 10;
                byte[] px = new byte[28 * 28];
                for (int x = 4; x < 24; x++) px[(2 + 2 * label) * 28 + x] = (byte) 255;
                img.write(px);
                lbl.writeByte(label);
            }
        }
    }
}
