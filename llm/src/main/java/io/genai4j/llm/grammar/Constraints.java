package io.genai4j.llm.grammar;

import io.genai4j.text.vocab.LlmTokenizer;

/**
 * Ready-made constraint factories for {@link io.genai4j.llm.GenerationOptions#withConstraint}: a
 * JSON Schema, a GBNF grammar or a regular expression, bound to a tokenizer's vocabulary. Compiling
 * is cheap; the vocabulary's trie is built once per tokenizer.
 */
public final class Constraints {
    private Constraints() {}

    /** Output that is valid JSON against the schema (given as JSON text). */
    public static GrammarMatcher jsonSchema(String schemaJson, LlmTokenizer tokenizer) {
        return of(JsonSchema.grammar(schemaJson), tokenizer);
    }

    /** Output in the language of a GBNF grammar (start rule {@code root}). */
    public static GrammarMatcher gbnf(String grammar, LlmTokenizer tokenizer) {
        return of(Gbnf.parse(grammar), tokenizer);
    }

    /** Output that the whole regular expression matches. */
    public static GrammarMatcher regex(String regex, LlmTokenizer tokenizer) {
        return of(Regex.grammar(regex), tokenizer);
    }

    public static GrammarMatcher of(Grammar g, LlmTokenizer tokenizer) {
        return new GrammarMatcher(ByteAutomaton.compile(g), TokenTrie.of(tokenizer));
    }
}
