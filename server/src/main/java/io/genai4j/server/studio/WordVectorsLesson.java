package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.word2vec.Word2Vec;
import io.genai4j.models.word2vec.Word2VecConfig;
import io.genai4j.models.word2vec.WordCorpus;
import io.genai4j.models.word2vec.WordMap;
import io.genai4j.models.word2vec.WordVectors;
import io.genai4j.server.ApiException;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import io.genai4j.text.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The word2vec lesson on the page: vectors trained on tiny Shakespeare on first use (the tour's
 * settings, made smaller so the page answers within seconds: {@link #DIM} dimensions, {@link
 * #NEGATIVE} negatives, {@link #EPOCHS} epochs), analogies by 3CosAdd and the 2-D map of word
 * pairs on their two principal components. {@code genai word2vec train} makes better vectors.
 */
final class WordVectorsLesson {
    /** Smaller than genai word2vec train's 100, 10 and 15: a page should not make its reader wait a minute. */
    static final int DIM = 50, NEGATIVE = 5, EPOCHS = 3;
    private WordVectors vectors;
    private Word2VecConfig config;

    private synchronized WordVectors vectors() {
        if (vectors == null) {
            Word2VecConfig d = Word2VecConfig.defaults();
            config = new Word2VecConfig(d.mode(), DIM, d.window(), NEGATIVE, d.minCount(), d.sample(), EPOCHS, d.alpha(), d.seed());
            vectors = Word2Vec.train(WordCorpus.of(List.of(Corpus.tinyShakespeare().text()), config.minCount()), config).vectors();
        }
        return vectors;
    }

    /** {@code {"a":"man","b":"king","c":"woman"}} → the words nearest to b − a + c, with their cosines. */
    ObjectNode analogy(JsonNode body) {
        Fields f = new Fields(body, "");
        WordVectors v = vectors();
        String a = word(v, f, "a"), b = word(v, f, "b"), c = word(v, f, "c");
        ObjectNode o = Json.object().put("a", a).put("b", b).put("c", c).put("vocabulary", v.size()).put("epochs", config.epochs());
        ArrayNode answers = o.putArray("answers");
        for (WordVectors.Neighbour n : v.analogy(a, b, c, 8)) answers.addObject().put("word", n.word()).put("cosine", Rounding.places(n.cosine(), 4));
        return o;
    }

    /** {@code {"items":["man:woman","king:queen"]}} → words, their 2-D positions, arrows and roles. */
    ObjectNode map(JsonNode body) {
        JsonNode raw = body.path("items");
        if (!raw.isArray() || raw.isEmpty() || raw.size() > 40) throw ApiException.invalid("items", "items must be a list of 1 to 40 words or pairs A:B");
        List<String> items = new ArrayList<>();
        for (JsonNode n : raw) items.add(n.asText());
        WordMap m = WordMap.of(vectors(), items);
        ObjectNode o = Json.object();
        ArrayNode words = o.putArray("words");
        for (int i = 0; i < m.words().size(); i++) {
            words.addObject().put("word", m.words().get(i)).put("x", Rounding.places(m.xy()[i][0], 4)).put("y", Rounding.places(m.xy()[i][1], 4))
                    .put("role", m.role(i).name().toLowerCase(Locale.ROOT));
        }
        ArrayNode arrows = o.putArray("arrows");
        for (int[] a : m.arrows()) arrows.addArray().add(a[0]).add(a[1]);
        return o;
    }

    private static String word(WordVectors v, Fields f, String field) {
        String w = f.requiredString(field).strip().toLowerCase(Locale.ROOT);
        if (!v.contains(w)) throw ApiException.invalid(field, "\"" + Printable.of(w) + "\" is not among the " + v.size() + " words the vectors know");
        return w;
    }
}
