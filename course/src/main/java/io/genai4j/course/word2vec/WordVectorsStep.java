package io.genai4j.course.word2vec;

import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.models.word2vec.Analogies;
import io.genai4j.models.word2vec.Word2Vec;
import io.genai4j.models.word2vec.Word2VecConfig;
import io.genai4j.models.word2vec.WordCorpus;
import io.genai4j.models.word2vec.WordMap;
import io.genai4j.models.word2vec.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tour's word2vec step: vectors trained on the spot, an analogy, neighbours, a 2-D map. */
public final class WordVectorsStep extends TourStep {
    private static final String[][] ANALOGIES = {{"man", "king", "woman"}, {"he", "his", "she"}, {"i", "my", "thou"}, {"father", "mother", "son"}};
    private static final Map<String, String> EXPECTED = Map.of("man king woman", "queen", "he his she", "her", "i my thou", "thy", "father mother son", "daughter");
    private static final List<String> MAP = List.of("man:woman", "king:queen", "lord:lady", "father:mother", "he:she");

    public WordVectorsStep() {
        super(200, "Words as vectors: word2vec");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        say.say("A word can be a vector: word2vec (CBOW with negative sampling) learns 100 numbers per word so that words "
                + "used in the same contexts point the same way. Then arithmetic means something: king − man + woman "
                + "lands near queen when the text says enough about kings, men and women. Training on the play itself, now:");
        Word2VecConfig c = Word2VecConfig.defaults();
        WordCorpus corpus = WordCorpus.of(List.of(ctx.corpus().text()), c.minCount());
        Word2Vec.Result r = Word2Vec.train(corpus, c);
        WordVectors v = r.vectors();
        say.note(String.format(Locale.ROOT, "%,d words of text, %,d distinct words kept, %d epochs in %.1f s", corpus.tokens(), v.size(), c.epochs(), r.seconds()));
        say.blank();
        TextTable t = new TextTable("a : b  ::  c : ?", "top answers (cosine)").maxWidth(1, 60);
        List<Map<String, Object>> answers = new ArrayList<>();
        String example = null;
        for (String[] q : ANALOGIES) {
            if (!v.contains(q[0]) || !v.contains(q[1]) || !v.contains(q[2])) continue;
            var top = v.analogy(q[0], q[1], q[2], 3);
            StringBuilder b = new StringBuilder();
            for (var n : top) b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s (%.2f)", n.word(), n.cosine()));
            t.row(q[0] + " : " + q[1] + "  ::  " + q[2] + " : ?", b.toString());
            answers.add(Map.of("question", String.join(" ", q), "answer", top.get(0).word()));
            if (example == null && top.get(0).word().equals(EXPECTED.get(String.join(" ", q)))) example = q[0] + ":" + q[1] + "::" + q[2] + ":" + top.get(0).word();
        }
        say.table(t);
        Analogies.Score s = Analogies.shakespeare().evaluate(v);
        say.blank();
        say.say(String.format(Locale.ROOT, "On %d hand-written analogies the text covers, the top answer is right %d times (%.0f%%): "
                + "pronouns and gender pairs often work, plurals and past tenses rarely — 200,000 words is little for "
                + "word2vec (its paper used billions), and Shakespeare writes \"thou\" as often as \"you\".", s.answered(), s.correct(), 100 * s.accuracy()));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("vocabulary", v.size());
        f.put("analogy_correct", s.correct());
        f.put("analogy_answered", s.answered());
        f.put("answers", answers);
        List<String> words = MAP.stream().filter(p -> List.of(p.split(":")).stream().allMatch(v::contains)).toList();
        if (words.size() >= 2) {
            Path png = WordMapPicture.save(WordMap.of(v, words), ctx.picture("word2vec-map.png"), "Word vectors of tiny Shakespeare, first two principal components");
            ctx.wrote(png);
        }
        return new StepResult(String.format(Locale.ROOT, "analogies %d/%d right%s", s.correct(), s.answered(), example == null ? "" : ", e.g. " + example), f);
    }
}
