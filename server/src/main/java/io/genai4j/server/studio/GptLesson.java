package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.GenerationListener;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.Generator;
import io.genai4j.models.attention.AttentionMaps;
import io.genai4j.models.gpt.GptAttentionMaps;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.gpt.GptLm;
import io.genai4j.server.ApiException;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import io.genai4j.text.Tokenizer;

/**
 * The GPT lesson on the page, on the bundled character-level Shakespeare GPT: sampling that shows
 * the five most likely next characters at every step, and every layer's and head's attention over
 * a text.
 */
final class GptLesson {
    static final int TOP = 5;
    private final Loaded<GptCheckpoint> checkpoint = new Loaded<>(GptCheckpoint::bundled);

    private GptCheckpoint checkpoint() {
        return checkpoint.get();
    }

    /** {@code {"prompt", "tokens", "temperature", "top_k", "seed"}} → each step's token and its top-5 candidates. */
    ObjectNode sample(JsonNode body) {
        Fields f = new Fields(body, "");
        String prompt = f.string("prompt", "ROMEO:");
        int tokens = (int) f.integer("tokens", 40, 1, 200);
        float temperature = (float) f.number("temperature", 0.8, 0, 5);
        int topK = (int) f.integer("top_k", 0, 0, 1000);
        long seed = f.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        GptCheckpoint ck = checkpoint();
        Tokenizer tok = ck.tokenizer();
        int[] ids = tok.encode(prompt);
        if (ids.length == 0) throw ApiException.invalid("prompt", "prompt has no characters this model knows");
        ObjectNode o = Json.object().put("prompt", prompt);
        ArrayNode steps = o.putArray("steps");
        synchronized (this) {    // one model: its sessions are cheap, its eval switch is not thread-safe
            GenerationOptions options = GenerationOptions.slidingWindow(tokens, temperature, topK, 1f, seed);
            new Generator(new GptLm(ck.model()), tok).generate(ids, options, GenerationListener.explaining((cand, id) -> {
                ObjectNode s = steps.addObject().put("token", tok.display(id)).put("text", tok.decode(new int[] {id}));
                ArrayNode top = s.putArray("top");
                for (int i = 0; i < Math.min(TOP, cand.ids().length); i++) {
                    top.addObject().put("token", tok.display(cand.ids()[i])).put("probability", Rounding.places(cand.probs()[i], 4));
                }
            }));
        }
        return o;
    }

    /** {@code {"text"}} → tokens and weights[layer][head][query][key] (causal: zero above the diagonal). */
    ObjectNode attention(JsonNode body) {
        String text = new Fields(body, "").requiredString("text");
        AttentionMaps maps;
        synchronized (this) {
            maps = GptAttentionMaps.of(checkpoint(), text, "shakespeare-char");
        }
        return StudioJson.attention(maps);
    }
}
