package io.genai4j.rag.solr;

import io.genai4j.rag.index.ChunkStore;
import io.genai4j.rag.split.Chunk;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both sides of the comparison index and ask: chunks with their digests and vectors, and the
 * questions with their query vectors. Passed to the child JVM as bytes, so that the floats arrive exact.
 */
record Corpus(List<Chunk> chunks, List<String> digests, float[][] vectors, List<String> questions, float[][] queryVectors) {

    /** Every chunk into the store, each source's chunks replaced together, in corpus order; then a commit. */
    void writeTo(ChunkStore store) throws IOException {
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) bySource.computeIfAbsent(chunks.get(i).source(), s -> new ArrayList<>()).add(i);
        for (var e : bySource.entrySet()) {
            List<Chunk> cs = new ArrayList<>();
            float[][] vs = new float[e.getValue().size()][];
            for (int j = 0; j < vs.length; j++) {
                cs.add(chunks.get(e.getValue().get(j)));
                vs[j] = vectors[e.getValue().get(j)];
            }
            store.replace(e.getKey(), digests.get(e.getValue().getFirst()), cs, vs);
        }
        store.commit();
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            d.writeUTF(c.source());
            d.writeUTF(c.title());
            d.writeUTF(c.heading());
            d.writeInt(c.position());
            d.writeUTF(c.text());
            d.writeUTF(digests.get(i));
            writeVector(d, vectors[i]);
        }
        d.writeInt(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            d.writeUTF(questions.get(i));
            writeVector(d, queryVectors[i]);
        }
        d.flush();
    }

    static Corpus read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int n = d.readInt();
        List<Chunk> chunks = new ArrayList<>(n);
        List<String> digests = new ArrayList<>(n);
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            chunks.add(new Chunk(d.readUTF(), d.readUTF(), d.readUTF(), d.readInt(), d.readUTF()));
            digests.add(d.readUTF());
            vectors[i] = readVector(d);
        }
        int m = d.readInt();
        List<String> questions = new ArrayList<>(m);
        float[][] qv = new float[m][];
        for (int i = 0; i < m; i++) {
            questions.add(d.readUTF());
            qv[i] = readVector(d);
        }
        return new Corpus(chunks, digests, vectors, questions, qv);
    }

    static void writeVector(DataOutputStream d, float[] v) throws IOException {
        d.writeInt(v.length);
        for (float x : v) d.writeFloat(x);
    }

    static float[] readVector(DataInputStream d) throws IOException {
        float[] v = new float[d.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = d.readFloat();
        return v;
    }
}
