package io.genai4j.rag.index;

import io.genai4j.rag.split.Chunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child JVM of {@link KillMidIndexTest}: writes batches of {@code batch} one-chunk documents
 * into the index at args[0] without pause, commits after each, and prints "committed N" (the
 * batches durable so far) after each commit returns. It never stops on its own: it is killed.
 */
public final class CommitBatchesChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        Random rnd = new Random(7);
        try (RagIndex idx = RagIndex.open(dir, "test-model", 16)) {
            for (int b = 0; ; b++) {
                for (int i = 0; i < batch; i++) {
                    String source = "batch" + b + "/doc" + i;
                    float[] v = new float[16];
                    double n = 0;
                    for (int k = 0; k < 16; k++) n += (v[k] = (float) rnd.nextGaussian()) * v[k];
                    for (int k = 0; k < 16; k++) v[k] /= (float) Math.sqrt(n);
                    List<Chunk> one = new ArrayList<>(List.of(new Chunk(source, "t", "", 0, "words of batch " + b + " item " + i + " " + "filler ".repeat(50))));
                    idx.replace(source, "digest" + b, one, new float[][] {v});
                }
                idx.commit();
                System.out.println("committed " + (b + 1));
                System.out.flush();
            }
        }
    }
}
