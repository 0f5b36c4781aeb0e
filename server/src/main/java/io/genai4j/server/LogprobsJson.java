package io.genai4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.TokenLogprob;
import io.genai4j.text.vocab.LlmTokenizer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;

/**
 * Token log-probabilities in OpenAI's two shapes: chat's {@code {"content": [{token, logprob, bytes,
 * top_logprobs: [{token, logprob, bytes}]}], "refusal": null}}, and the legacy completions'
 * {@code {tokens, token_logprobs, top_logprobs: [{token: logprob}], text_offset}}. A token's text
 * is its UTF-8 piece; a piece that is not whole UTF-8 (a byte of a character split over tokens) is
 * written as OpenAI writes it, {@code bytes:\xe2\x80}, so such tokens stay apart as keys too.
 */
final class LogprobsJson {
    private final LlmTokenizer tokenizer;

    LogprobsJson(LlmTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Chat's {@code logprobs} object for these tokens. */
    ObjectNode chat(List<TokenLogprob> tokens) {
        ObjectNode o = Json.object();
        ArrayNode content = o.putArray("content");
        for (TokenLogprob t : tokens) {
            ObjectNode e = entry(content.addObject(), t.token(), t.logprob());
            ArrayNode top = e.putArray("top_logprobs");
            for (int i = 0; i < t.topIds().length; i++) entry(top.addObject(), t.topIds()[i], t.topLogprobs()[i]);
        }
        o.putNull("refusal");
        return o;
    }

    /** The completions' {@code logprobs} object; {@code offset} is the text offset of the first token (the echoed prompt's length). */
    ObjectNode legacy(List<TokenLogprob> tokens, int offset) {
        ObjectNode o = Json.object();
        ArrayNode texts = o.putArray("tokens"), lps = o.putArray("token_logprobs"), tops = o.putArray("top_logprobs"), offsets = o.putArray("text_offset");
        int at = offset;
        for (TokenLogprob t : tokens) {
            String text = text(t.token());
            texts.add(text);
            lps.add(t.logprob());
            ObjectNode top = tops.addObject();
            for (int i = 0; i < t.topIds().length; i++) {
                String key = text(t.topIds()[i]);
                if (!top.has(key)) top.put(key, t.topLogprobs()[i]);   // two ids of one text: the likelier (first) one
            }
            offsets.add(at);
            at += text.length();
        }
        return o;
    }

    private ObjectNode entry(ObjectNode e, int id, float logprob) {
        byte[] bytes = tokenizer.piece(id, false);
        e.put("token", text(bytes));
        e.put("logprob", logprob);
        ArrayNode b = e.putArray("bytes");
        for (byte x : bytes) b.add(x & 0xff);
        return e;
    }

    private String text(int id) {
        return text(tokenizer.piece(id, false));
    }

    static String text(byte[] piece) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(piece)).toString();
        } catch (CharacterCodingException notWhole) {
            StringBuilder sb = new StringBuilder("bytes:");
            for (byte b : piece) sb.append(String.format(Locale.ROOT, "\\x%02x", b & 0xff));
            return sb.toString();
        }
    }
}
