package io.genai4j.llm.grammar;

/**
 * A grammar, regular expression or JSON Schema that cannot be compiled: the message is one line
 * naming where (a position, a rule or a JSON pointer) and what, so the CLI can show it as a user error.
 */
public final class GrammarException extends IllegalArgumentException {
    public GrammarException(String message) {
        super(message);
    }
}
