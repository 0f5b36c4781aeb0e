package io.genai4j.llm.prompt;

import io.genai4j.engine.util.Printable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A prompt with named holes: {@code "Review: {sentence}\nSentiment:"}. A name is letters, digits and
 * underscores; {@code {{} and {@code }}} are literal braces. Rendering is strict both ways: a missing
 * variable and a variable the template does not use are errors naming them, because a typo in either
 * would silently change what the model is asked (and so every number measured with it).
 */
public final class PromptTemplate {
    private final String text;
    private final List<Object> parts = new ArrayList<>();   // String literals and Hole names
    private final Set<String> variables = new LinkedHashSet<>();

    private record Hole(String name) {}

    private PromptTemplate(String text) {
        this.text = text;
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                literal.append(c);
                i++;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                String name = end < 0 ? "" : text.substring(i + 1, end);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("template " + Printable.of(text, 80) + ": at " + i
                            + " '{' must open a {name} of letters, digits and _ (write {{ for a literal brace)");
                }
                if (!literal.isEmpty()) parts.add(literal.toString());
                literal.setLength(0);
                parts.add(new Hole(name));
                variables.add(name);
                i = end;
            } else if (c == '}') {
                throw new IllegalArgumentException("template " + Printable.of(text, 80) + ": at " + i + " a lone '}' (write }} for a literal brace)");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) parts.add(literal.toString());
    }

    public static PromptTemplate of(String text) {
        if (text == null) throw new IllegalArgumentException("a template needs text");
        return new PromptTemplate(text);
    }

    /** The names of the holes, in order of first use. */
    public Set<String> variables() {
        return Set.copyOf(variables);
    }

    /** The text with every hole filled by {@code String.valueOf} of its value. */
    public String render(Map<String, ?> values) {
        Set<String> missing = new TreeSet<>(variables);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) throw new IllegalArgumentException("template " + Printable.of(text, 80) + " needs " + missing);
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(variables);
        if (!unused.isEmpty()) throw new IllegalArgumentException("template " + Printable.of(text, 80) + " has no " + unused + " (it uses " + variables + ")");
        StringBuilder out = new StringBuilder();
        for (Object p : parts) out.append(p instanceof Hole h ? String.valueOf(values.get(h.name())) : p);
        return out.toString();
    }

    /** A template with exactly one hole, filled with {@code value}. */
    public String render(String value) {
        if (variables.size() != 1) throw new IllegalArgumentException("template " + Printable.of(text, 80) + " has " + variables.size() + " variables, not one");
        return render(Map.of(variables.iterator().next(), value));
    }

    @Override
    public String toString() {
        return text;
    }
}
