package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.text.vocab.LlmTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * llama-server's helpers: {@code /tokenize} ({@code content}, {@code add_special},
 * {@code parse_special}, {@code with_pieces}), {@code /detokenize} ({@code tokens}) and
 * {@code /apply-template} ({@code messages}, answered with the prompt the model would read).
 */
final class TokenizerEndpoints {
    private TokenizerEndpoints() {}

    static ObjectNode tokenize(JsonNode body, LocalChatModel model) {
        Fields f = new Fields(body, "");
        String content = f.requiredString("content");
        LlmTokenizer tok = model.model().tokenizer();
        int[] ids = tok.encode(content, f.bool("add_special", false), f.bool("parse_special", true));
        boolean pieces = f.bool("with_pieces", false);
        ObjectNode o = Json.object();
        ArrayNode tokens = o.putArray("tokens");
        for (int id : ids) {
            if (!pieces) tokens.add(id);
            else piece(tokens.addObject().put("id", id), tok.piece(id, true));
        }
        return o;
    }

    /**
     * A piece as llama-server writes it: a string when its bytes are whole UTF-8, else the list of
     * byte values (a byte-level token can hold part of a character).
     */
    private static void piece(ObjectNode token, byte[] bytes) {
        try {
            token.put("piece", StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException partial) {
            ArrayNode list = token.putArray("piece");
            for (byte b : bytes) list.add(b & 0xff);
        }
    }

    static ObjectNode detokenize(JsonNode body, LocalChatModel model) {
        Fields f = new Fields(body, "");
        List<JsonNode> raw = f.array("tokens");
        int vocab = model.model().tokenizer().vocabSize();
        int[] ids = new int[raw.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode t = raw.get(i);
            if (!t.canConvertToInt() || !t.isIntegralNumber() || t.intValue() < 0 || t.intValue() >= vocab) {
                throw ApiException.invalid("tokens[" + i + "]", "tokens[" + i + "] must be a token id in 0.." + (vocab - 1) + ", got " + Fields.kind(t));
            }
            ids[i] = t.intValue();
        }
        return Json.object().put("content", model.model().tokenizer().decode(ids));
    }

    static ObjectNode applyTemplate(JsonNode body, LocalChatModel model) {
        ChatCompletionRequest req = ChatCompletionRequest.read(withModel(body, model.name()), Limits.DEFAULT);
        List<ChatMessage> messages = new ArrayList<>(req.request().messages());
        String prompt = model.renderer().render(messages, req.request().tools(), true);
        return Json.object().put("prompt", prompt);
    }

    /** /apply-template bodies carry no model: read them as a chat request for this one. */
    private static JsonNode withModel(JsonNode body, String model) {
        if (body instanceof ObjectNode o && !o.has("model")) {
            ObjectNode copy = o.deepCopy();
            copy.put("model", model);
            return copy;
        }
        return body;
    }
}
