package io.genai4j.cli.rag;

import io.genai4j.engine.util.StaleTemps;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.eval.EvalListener;
import io.genai4j.rag.eval.EvalResult;
import io.genai4j.rag.eval.RetrievalEval;
import io.genai4j.rag.eval.Squad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The SQuAD run options shared by {@code genai rag eval} and {@code genai bench rag}: data, slice, encoders, latency sample. */
public final class SquadOptions {
    @Option(names = "--data", paramLabel = "FILE", description = "SQuAD v1.1 JSON (default: the shared data folder's rag/squad-v1.1/dev-v1.1.json).")
    Path data;
    @Option(names = "--paragraphs", paramLabel = "N", description = "Only the first N paragraphs (and their questions).")
    Integer paragraphs;
    @Option(names = "--questions", paramLabel = "N", description = "At most N questions, spread over the paragraphs kept.")
    Integer questions;
    @Option(names = "--models", split = ",", defaultValue = "minilm,bge-small",
            description = "genai4j encoders, comma-separated (default: ${DEFAULT-VALUE}; none: no dense retrieval).")
    List<String> models;
    @Option(names = "--latency-sample", defaultValue = "300", description = "Questions timed one at a time (default: ${DEFAULT-VALUE}).")
    int latencySample;

    public Path file() {
        return data != null ? data : Squad.defaultPath();
    }

    /** The data set, sliced as asked. */
    public Squad load() throws IOException {
        Path f = file();
        if (!Files.isRegularFile(f)) throw new IOException("no SQuAD file at " + f + " (give one with --data)");
        Squad s = Squad.read(f);
        if (paragraphs == null && questions == null) return s;
        if (paragraphs != null && paragraphs < 1 || questions != null && questions < 1) {
            throw new IllegalArgumentException("--paragraphs and --questions must be at least 1");
        }
        return s.slice(paragraphs != null ? paragraphs : Integer.MAX_VALUE, questions != null ? questions : Integer.MAX_VALUE);
    }

    /** The encoders of --models, loaded (none for "none"). */
    public List<Embedder> embedders() throws IOException {
        List<Embedder> out = new ArrayList<>();
        if (models.size() == 1 && models.getFirst().strip().equals("none")) return out;
        for (String m : models) out.add(Embedder.load(m.strip()));
        return out;
    }

    public int latencySample() {
        if (latencySample < 1) throw new IllegalArgumentException("--latency-sample must be at least 1, got " + latencySample);
        return latencySample;
    }

    /**
     * genai4j's retrievers (BM25, dense per encoder, hybrid) on the data: the indexes are built in
     * {@code work}, or in a temporary folder that is deleted after when {@code work} is null.
     */
    public EvalResult evaluate(Squad data, List<Embedder> embedders, int chunkTokens, int overlap, Path work, EvalListener listener) throws IOException {
        Path dir = work != null ? work : Files.createTempDirectory("genai-rag-eval");
        try {
            return RetrievalEval.run(data, embedders, new RetrievalEval.Options(chunkTokens, overlap, latencySample(), dir), listener);
        } finally {
            if (work == null) StaleTemps.deleteTree(dir);
        }
    }
}
