package io.genai4j.rag.answer;

import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.split.Splitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer when no generator is configured: the sentences of the retrieved chunks closest to the
 * question (cosine of the embedder's query and passage vectors), best first, each cited with its
 * source's number and the question's words highlighted as {@code **word**}.
 */
public final class ExtractiveAnswer {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*|\\p{N}+");
    /** Words too common to be worth highlighting. */
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from",
            "how", "in", "is", "it", "of", "on", "or", "the", "to", "was", "were", "what", "when", "where", "which", "who", "whom",
            "why", "with");

    private ExtractiveAnswer() {}

    public static Answer answer(String question, List<Hit> hits, Embedder embedder, int maxSentences) {
        record Candidate(String sentence, int source) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            for (String s : Splitter.sentences(hits.get(i).chunk().text().replaceAll("\\s*\\R\\s*", " "))) {
                candidates.add(new Candidate(s, i + 1));
            }
        }
        if (candidates.isEmpty()) return new Answer("No source was found for this question.", hits, Citations.check("", 0), "extractive");
        float[] q = embedder.query(question);
        float[][] v = embedder.passages(candidates.stream().map(Candidate::sentence).toList(), null);
        Integer[] order = new Integer[candidates.size()];
        double[] score = new double[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            for (int k = 0; k < q.length; k++) score[i] += q[k] * v[i][k];
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -score[i]));
        Set<String> words = words(question);
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < Math.min(maxSentences, order.length); r++) {
            Candidate c = candidates.get(order[r]);
            if (!b.isEmpty()) b.append(' ');
            b.append(highlight(c.sentence(), words)).append(" [").append(c.source()).append(']');
        }
        String text = b.toString();
        return new Answer(text, hits, Citations.check(text, hits.size()), "extractive");
    }

    /** The question's content words, lower case. */
    static Set<String> words(String question) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!STOP.contains(w)) out.add(w);
        }
        return out;
    }

    /** Each occurrence of one of words (whole words, any case) wrapped in ** **. */
    static String highlight(String sentence, Set<String> words) {
        Matcher m = WORD.matcher(sentence);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (!words.contains(m.group().toLowerCase(Locale.ROOT))) continue;
            b.append(sentence, last, m.start()).append("**").append(m.group()).append("**");
            last = m.end();
        }
        return b.append(sentence, last, sentence.length()).toString();
    }
}
