package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.Embeddings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * {@code POST /v1/embeddings}: a string or a batch of strings through the BERT sentence encoder,
 * each vector L2-normalized, as floats or (encoding_format base64) little-endian float32 bytes as
 * OpenAI sends them. {@code dimensions} must be the model's own: the encoder cannot shorten vectors.
 */
final class EmbeddingsEndpoint {
    static final int MAX_INPUTS = 2048;

    private EmbeddingsEndpoint() {}

    static ObjectNode embed(JsonNode body, BertEncoder encoder) {
        Fields f = new Fields(body, "");
        String model = f.requiredString("model");
        if (!model.equals(encoder.name())) throw OpenAiServer.unknownModel(model);
        List<String> texts = f.strings("input");
        if (texts.isEmpty()) throw ApiException.invalid("input", "input must be a string or a non-empty array of strings");
        if (texts.size() > MAX_INPUTS) throw ApiException.invalid("input", "input has " + texts.size() + " texts, above the limit of " + MAX_INPUTS);
        String format = f.string("encoding_format", "float");
        if (!format.equals("float") && !format.equals("base64")) throw ApiException.invalid("encoding_format", "encoding_format must be float or base64");
        long dims = f.integer("dimensions", encoder.dimension(), 1, Integer.MAX_VALUE);
        if (dims != encoder.dimension()) {
            throw ApiException.unsupported("dimensions", "dimensions must be " + encoder.dimension() + " (the model's own), got " + dims);
        }
        Embeddings e = encoder.embed(texts);
        ObjectNode o = Json.object();
        o.put("object", "list");
        ArrayNode data = o.putArray("data");
        int tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode d = data.addObject();
            d.put("object", "embedding");
            d.put("index", i);
            float[] v = e.vectors()[i];
            if (format.equals("base64")) d.put("embedding", base64(v));
            else {
                ArrayNode a = d.putArray("embedding");
                for (float x : v) a.add(x);
            }
            tokens += e.tokens()[i];
        }
        o.put("model", encoder.name());
        o.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return o;
    }

    static String base64(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return Base64.getEncoder().encodeToString(b.array());
    }
}
