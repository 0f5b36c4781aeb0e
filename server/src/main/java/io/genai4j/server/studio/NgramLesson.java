package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NextToken;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Sampler;
import io.genai4j.models.ngram.Smoothing;
import io.genai4j.models.ngram.Unit;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import io.genai4j.text.Corpus;

/**
 * The n-gram lesson on the page: the word trigram (Kneser-Ney) of the tour, trained on the bundled
 * tiny Shakespeare on first use; the distribution over the next word after a context, and one word
 * drawn from it so the page can write step by step.
 */
final class NgramLesson {
    static final int ORDER = 3;
    private NgramModel model;
    private LanguageModel lm;

    private synchronized LanguageModel lm() {
        if (lm == null) {
            model = NgramModel.train(Corpus.tinyShakespeare(), Unit.WORD, ORDER);
            lm = model.smoothed(Smoothing.KN, ORDER, Smoothing.Params.DEFAULT);
        }
        return lm;
    }

    /** {@code {"context": "I will", "top": 10}} → the top words and their probabilities. */
    ObjectNode next(JsonNode body) {
        Fields f = new Fields(body, "");
        String context = f.string("context", "");
        int top = (int) f.integer("top", 10, 1, 50);
        LanguageModel lm = lm();
        ObjectNode o = Json.object().put("context", context).put("order", ORDER).put("smoothing", "Kneser-Ney").put("vocabulary", lm.vocabSize());
        ArrayNode next = o.putArray("next");
        for (NextToken n : model.next(lm, context, top)) next.addObject().put("token", n.token()).put("probability", Rounding.places(n.probability(), 5));
        return o;
    }

    /** {@code {"context": "I will", "temperature": 1, "seed": 7}} → the context with one more word drawn after it. */
    ObjectNode sample(JsonNode body) {
        Fields f = new Fields(body, "");
        String context = f.string("context", "");
        double temperature = f.number("temperature", 1, 0, 5);
        long seed = f.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        LanguageModel lm = lm();
        NgramModel.Generation g = model.generate(lm, context, 1, new Sampler(temperature, 0, seed));
        return Json.object().put("text", g.text()).put("token", model.tokenizer().display(g.newIds()[0]));
    }
}
