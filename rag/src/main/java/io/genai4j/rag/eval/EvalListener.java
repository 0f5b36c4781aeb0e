package io.genai4j.rag.eval;

/** Progress of an evaluation: the phase ("index minilm", "queries bge-small", ...) and how far it is. */
@FunctionalInterface
public interface EvalListener {
    void progress(String phase, int done, int total);

    EvalListener NONE = (phase, done, total) -> {};
}
