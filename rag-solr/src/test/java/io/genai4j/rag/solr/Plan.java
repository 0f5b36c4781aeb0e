package io.genai4j.rag.solr;

import io.genai4j.rag.index.ChunkSearcher;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.retrieve.Mode;
import io.genai4j.rag.retrieve.Retriever;
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
 * The searches compared between the local index and the cluster, run the same way on either: BM25,
 * each as deep as the hybrid search fuses them, hybrid through the {@link Retriever}, BM25 and
 * dense through it under a filter, and hybrid with MMR.
 * A result is the ranked (chunk id, score) pairs.
 */
final class Plan {
    static final int K = 10;
    /** A prefix filter every corpus of the test matches in part: the fixture's animal pages. */
    static final Filter FILTER = Filter.parse(List.of("source=animals/*"));

    record Ranked(String id, double score) {}

    private Plan() {}

    /** Search name → results, for one question. */
    static Map<String, List<Ranked>> run(ChunkSearcher searcher, Retriever retriever, String question, float[] queryVector) throws IOException {
        Map<String, List<Ranked>> out = new LinkedHashMap<>();
        out.put("bm25", ranked(searcher.bm25(question, Retriever.DEPTH, Filter.NONE)));
        out.put("dense", ranked(searcher.dense(queryVector, Retriever.DEPTH, Filter.NONE)));
        out.put("hybrid", ranked(retriever.search(question, Retriever.Query.of(Mode.HYBRID, K))));
        out.put("bm25 filtered", ranked(retriever.search(question, new Retriever.Query(Mode.BM25, K, FILTER, Double.NaN))));
        out.put("dense filtered", ranked(retriever.search(question, new Retriever.Query(Mode.DENSE, K, FILTER, Double.NaN))));
        out.put("hybrid mmr", ranked(retriever.search(question, new Retriever.Query(Mode.HYBRID, K, Filter.NONE, 0.5))));
        return out;
    }

    static List<Ranked> ranked(List<Hit> hits) {
        List<Ranked> out = new ArrayList<>(hits.size());
        for (Hit h : hits) out.add(new Ranked(h.chunk().id(), h.score()));
        return out;
    }

    static void write(List<Map<String, List<Ranked>>> results, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(results.size());
        for (Map<String, List<Ranked>> r : results) {
            d.writeInt(r.size());
            for (var e : r.entrySet()) {
                d.writeUTF(e.getKey());
                d.writeInt(e.getValue().size());
                for (Ranked x : e.getValue()) {
                    d.writeUTF(x.id());
                    d.writeDouble(x.score());
                }
            }
        }
        d.flush();
    }

    static List<Map<String, List<Ranked>>> read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        List<Map<String, List<Ranked>>> out = new ArrayList<>();
        for (int q = d.readInt(); q > 0; q--) {
            Map<String, List<Ranked>> r = new LinkedHashMap<>();
            for (int s = d.readInt(); s > 0; s--) {
                String name = d.readUTF();
                List<Ranked> list = new ArrayList<>();
                for (int n = d.readInt(); n > 0; n--) list.add(new Ranked(d.readUTF(), d.readDouble()));
                r.put(name, list);
            }
            out.add(r);
        }
        return out;
    }
}
