package io.genai4j.rag.answer;

import io.genai4j.rag.index.Hit;
import io.genai4j.rag.split.Chunk;
import java.util.List;

/**
 * The prompt of a retrieval-augmented answer: a system message with the rules (answer from the
 * sources only, cite each claim as [n], say so when the sources do not answer), and a user message
 * with the numbered sources, then the question. Sources are numbered from 1 in retrieval order.
 */
public final class RagPrompt {
    public static final String SYSTEM = """
            You answer questions using only the numbered sources given with the question. \
            After each sentence of your answer, cite the sources it uses as [n], e.g. [1] or [2][3]. \
            If the sources do not contain the answer, say that you cannot answer from them. Be brief.""";

    private RagPrompt() {}

    /** The user message: "[n] title › heading (source)\ntext" for each hit, then the question. */
    public static String user(String question, List<Hit> hits) {
        StringBuilder b = new StringBuilder("Sources:\n\n");
        for (int i = 0; i < hits.size(); i++) {
            Chunk c = hits.get(i).chunk();
            b.append('[').append(i + 1).append("] ").append(label(c)).append('\n').append(c.text().strip()).append("\n\n");
        }
        return b.append("Question: ").append(question.strip()).append('\n').toString();
    }

    /** "title › heading (source)", the parts that exist. */
    public static String label(Chunk c) {
        return c.context() + " (" + c.source() + ")";
    }
}
