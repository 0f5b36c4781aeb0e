package io.genai4j.rag.retrieve;

import io.genai4j.llm.agent.Param;
import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.Tools;
import io.genai4j.rag.answer.RagPrompt;
import io.genai4j.rag.index.Hit;
import java.util.List;

/**
 * The index as a tool for the agent loop: {@code search(query)} returns the best passages, each with
 * its number, title and source, cut to a length a small model's context can hold. Its name and
 * arguments are those of the folder search the tiny assistant was trained with, so the same model
 * calls it unchanged.
 */
public final class SearchTool {
    public static final String NAME = "search";
    static final String DESCRIPTION = "Searches the indexed documents and returns the best passages with their sources.";

    public record Args(@Param(value = "query", description = "what to look for") String query) {}

    private SearchTool() {}

    /** A tool answering with the top {@code query.k()} passages, each cut to {@code maxChars} characters. */
    public static Tool of(Retriever retriever, Retriever.Query query, int maxChars) {
        if (maxChars < 20) throw new IllegalArgumentException("a passage needs at least 20 characters, got " + maxChars);
        return Tools.of(NAME, DESCRIPTION, Args.class, a -> {
            if (a.query() == null || a.query().isBlank()) throw new IllegalArgumentException("the query is empty");
            return passages(retriever.search(a.query(), query), maxChars);
        });
    }

    static String passages(List<Hit> hits, int maxChars) {
        if (hits.isEmpty()) return "no passage matches";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            String text = hits.get(i).chunk().text().strip().replaceAll("\\s+", " ");
            if (text.length() > maxChars) text = text.substring(0, maxChars - 1) + "…";
            if (i > 0) b.append('\n');
            b.append('[').append(i + 1).append("] ").append(RagPrompt.label(hits.get(i).chunk())).append(": ").append(text);
        }
        return b.toString();
    }
}
