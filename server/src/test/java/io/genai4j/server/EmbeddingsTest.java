package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.genai4j.models.bert.BertEncoder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /v1/embeddings is the BERT encoder's output: unit vectors in input order, as floats or base64,
 * read the same by raw JSON, the OpenAI SDK and LangChain4j.
 */
class EmbeddingsTest {
    static BertEncoder minilm;
    static TinyServer s;
    static final List<String> TEXTS = List.of("The cat sits on the mat.", "A dog plays in the park.", "Stocks fell sharply today.");

    @BeforeAll
    static void start() throws Exception {
        minilm = BertEncoder.load("minilm");
        s = TinyServer.withEmbeddings(minilm);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void aBatchIsTheEncodersUnitVectorsInOrder() {
        float[][] expected = minilm.encode(TEXTS);
        JsonNode j = s.post("/v1/embeddings", "{\"model\":\"minilm\",\"input\":[\"" + String.join("\",\"", TEXTS) + "\"]}").json();
        assertEquals("list", j.get("object").asText());
        assertEquals(3, j.get("data").size());
        for (int i = 0; i < 3; i++) {
            JsonNode d = j.get("data").get(i);
            assertEquals(i, d.get("index").asInt());
            float[] v = new float[d.get("embedding").size()];
            double norm = 0;
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) d.get("embedding").get(k).asDouble();
                norm += v[k] * v[k];
            }
            assertArrayEquals(expected[i], v, 1e-6f);
            assertEquals(1.0, Math.sqrt(norm), 1e-4);
        }
        // GenAI4j's MiniLM matches the published sentence-transformers vector (JAVA-STACK.md)
        assertEquals(0.134177, j.get("data").get(0).get("embedding").get(0).asDouble(), 1e-4);
        assertTrue(j.get("usage").get("prompt_tokens").asInt() > 10);
    }

    @Test
    void theOpenAiSdkAndLangChain4jReadTheSameVectors() {
        float[] expected = minilm.encode(List.of(TEXTS.get(1)))[0];
        var sdk = OpenAIOkHttpClient.builder().baseUrl(s.base() + "/v1").apiKey("unused").maxRetries(0).build();
        for (var format : List.of(EmbeddingCreateParams.EncodingFormat.FLOAT, EmbeddingCreateParams.EncodingFormat.BASE64)) {
            CreateEmbeddingResponse r = sdk.embeddings().create(EmbeddingCreateParams.builder().model("minilm").input(TEXTS.get(1)).encodingFormat(format).build());
            List<Float> v = r.data().getFirst().embedding();
            float[] got = new float[v.size()];
            for (int k = 0; k < got.length; k++) got[k] = v.get(k);
            assertArrayEquals(expected, got, 1e-6f, format.toString());
        }
        OpenAiEmbeddingModel lc = OpenAiEmbeddingModel.builder().baseUrl(s.base() + "/v1").apiKey("unused").modelName("minilm").maxRetries(0).build();
        List<Embedding> all = lc.embedAll(TEXTS.stream().map(TextSegment::from).toList()).content();
        assertArrayEquals(expected, all.get(1).vector(), 1e-6f);
    }

    @Test
    void badInputsAreRefused() {
        assertEquals(400, s.post("/v1/embeddings", "{\"model\":\"minilm\",\"input\":[1,2,3]}").status());
        assertEquals(400, s.post("/v1/embeddings", "{\"model\":\"minilm\",\"input\":[]}").status());
        assertEquals(400, s.post("/v1/embeddings", "{\"model\":\"minilm\",\"input\":\"x\",\"dimensions\":10}").status());
        assertEquals(404, s.post("/v1/embeddings", "{\"model\":\"ada\",\"input\":\"x\"}").status());
        assertEquals("minilm", s.get("/v1/models").json().get("data").get(1).get("id").asText());
    }
}
