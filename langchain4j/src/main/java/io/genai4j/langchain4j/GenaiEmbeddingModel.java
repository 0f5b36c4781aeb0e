package io.genai4j.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.Embeddings;
import java.util.ArrayList;
import java.util.List;

/**
 * LangChain4j's {@link EmbeddingModel} over genai4j's BERT encoders (MiniLM, BGE or any BERT-family
 * checkpoint): unit-length sentence embeddings computed on genai4j's engine, in batches.
 */
public final class GenaiEmbeddingModel implements EmbeddingModel {
    private final BertEncoder encoder;

    public GenaiEmbeddingModel(BertEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<String> texts = segments.stream().map(TextSegment::text).toList();
        Embeddings e = encoder.embed(texts);
        List<Embedding> out = new ArrayList<>(texts.size());
        int tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            out.add(Embedding.from(e.vectors()[i]));
            tokens += e.tokens()[i];
        }
        return Response.from(out, new TokenUsage(tokens));
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public String modelName() {
        return encoder.name();
    }
}
