package io.genai4j.rag.answer;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.retrieve.Retriever;
import java.io.IOException;
import java.util.List;

/**
 * A question in, an answer with checked citations out: retrieve, then answer with the chat model
 * when there is one ({@link GeneratedAnswer}) or extractively when there is none
 * ({@link ExtractiveAnswer}, its {@code sentences} best sentences). One of these serves
 * {@code genai rag ask} and every request of {@code genai rag serve}; it holds no per-question
 * state, so requests may run at once (the searcher, the encoder and chat models are thread-safe).
 */
public final class RagAnswerer {
    private final Retriever retriever;
    private final Embedder embedder;
    private final ChatModel generator;
    private final GenerationOptions options;
    private final int sentences;

    /** {@code generator} null: extractive answers ({@code options} unused). */
    public RagAnswerer(Retriever retriever, Embedder embedder, ChatModel generator, GenerationOptions options, int sentences) {
        if (sentences < 1) throw new IllegalArgumentException("an extractive answer needs at least one sentence, got " + sentences);
        if (generator != null && options == null) throw new IllegalArgumentException("a generator needs generation options");
        this.retriever = retriever;
        this.embedder = embedder;
        this.generator = generator;
        this.options = options;
        this.sentences = sentences;
    }

    public Answer ask(String question, Retriever.Query query, ChatListener listener) throws IOException {
        if (question == null || question.isBlank()) throw new IllegalArgumentException("the question is empty");
        List<Hit> hits = retriever.search(question.strip(), query);
        return answer(question.strip(), hits, listener);
    }

    /** The answer from chunks already retrieved (to show or time retrieval apart from answering). */
    public Answer answer(String question, List<Hit> hits, ChatListener listener) {
        return generator == null ? ExtractiveAnswer.answer(question, hits, embedder, sentences)
                : GeneratedAnswer.answer(generator, question, hits, options, listener);
    }
}
