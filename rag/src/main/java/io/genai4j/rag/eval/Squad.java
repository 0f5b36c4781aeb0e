package io.genai4j.rag.eval;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.SharedDataDir;
import io.genai4j.rag.load.Block;
import io.genai4j.rag.load.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQuAD v1.1 (Rajpurkar et al., 2016) read as a retrieval benchmark: each paragraph is a document
 * (source {@code Title/N}, the article title as its title), each question a query whose relevant
 * document is the paragraph it was written about. The dev set has 48 articles, 2,067 paragraphs and
 * 10,570 questions.
 */
public record Squad(List<Document> paragraphs, List<Question> questions) {
    /** The dev set in the shared data folder ({@link SharedDataDir}). */
    public static Path defaultPath() {
        return SharedDataDir.resolve("rag/squad-v1.1/dev-v1.1.json");
    }

    /** A question and the source of the paragraph that answers it. */
    public record Question(String text, String source) {}

    public static Squad read(Path json) throws IOException {
        Object root;
        try {
            root = Json.parse(Files.readAllBytes(json));
        } catch (IllegalArgumentException e) {
            throw new IOException(json + ": not JSON: " + e.getMessage(), e);
        }
        List<Document> paragraphs = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (Object article : list(json, field(json, root, "data"), "data")) {
            String title = string(json, field(json, article, "title"), "title").replace('_', ' ');
            List<Object> ps = list(json, field(json, article, "paragraphs"), "paragraphs");
            for (int i = 0; i < ps.size(); i++) {
                String source = title + "/" + i;
                paragraphs.add(new Document(source, title, List.of(new Block("", string(json, field(json, ps.get(i), "context"), "context")))));
                for (Object qa : list(json, field(json, ps.get(i), "qas"), "qas")) {
                    questions.add(new Question(string(json, field(json, qa, "question"), "question"), source));
                }
            }
        }
        if (paragraphs.isEmpty()) throw new IOException(json + ": no paragraphs under \"data\"");
        return new Squad(paragraphs, questions);
    }

    /**
     * The first {@code maxParagraphs} paragraphs and, of their questions, every {@code stride}-th up to
     * {@code maxQuestions}: a small slice for tests and quick runs that still spans the articles it includes.
     */
    public Squad slice(int maxParagraphs, int maxQuestions) {
        List<Document> ps = paragraphs.subList(0, Math.min(maxParagraphs, paragraphs.size()));
        Set<String> kept = new HashSet<>();
        for (Document d : ps) kept.add(d.source());
        List<Question> qs = new ArrayList<>();
        for (Question q : questions) if (kept.contains(q.source())) qs.add(q);
        int stride = Math.max(1, qs.size() / Math.max(1, maxQuestions));
        List<Question> picked = new ArrayList<>();
        for (int i = 0; i < qs.size() && picked.size() < maxQuestions; i += stride) picked.add(qs.get(i));
        return new Squad(List.copyOf(ps), picked);
    }

    private static Object field(Path file, Object node, String key) throws IOException {
        if (!(node instanceof Map<?, ?> m) || !m.containsKey(key)) throw new IOException(file + ": an entry without \"" + key + "\"");
        return m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Path file, Object v, String key) throws IOException {
        if (v instanceof List<?> l) return (List<Object>) l;
        throw new IOException(file + ": \"" + key + "\" is not a list");
    }

    private static String string(Path file, Object v, String key) throws IOException {
        if (v instanceof String s) return s;
        throw new IOException(file + ": \"" + key + "\" is " + Printable.of(String.valueOf(v)) + ", not a string");
    }
}
