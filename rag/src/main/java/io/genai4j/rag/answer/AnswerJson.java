package io.genai4j.rag.answer;

import io.genai4j.engine.util.Rounding;
import io.genai4j.rag.index.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer as {@code rag ask --json} prints it, {@code rag serve} returns it and the studio shows it:
 * the text, checked citations and every numbered source.
 */
public final class AnswerJson {
    private AnswerJson() {}

    public static Map<String, Object> of(String question, String mode, String encoder, Answer a) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Hit h : a.sources()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("source", h.chunk().source());
            s.put("title", h.chunk().title());
            s.put("heading", h.chunk().heading());
            s.put("position", h.chunk().position());
            s.put("score", Rounding.places(h.score(), 6));
            s.put("text", h.chunk().text());
            sources.add(s);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("question", question);
        o.put("mode", mode);
        o.put("model", encoder);
        o.put("answer", a.text());
        o.put("method", a.method());
        o.put("cited", a.citations().cited());
        o.put("invalid_citations", a.citations().invalid());
        o.put("sources", sources);
        return o;
    }
}
