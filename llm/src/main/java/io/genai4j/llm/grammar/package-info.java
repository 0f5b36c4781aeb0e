/**
 * Constrained decoding: grammars that restrict what a model may write, at every token. Three input
 * formats compile to one {@link io.genai4j.llm.grammar.Grammar}: llama.cpp's GBNF
 * ({@link io.genai4j.llm.grammar.Gbnf}), regular expressions ({@link io.genai4j.llm.grammar.Regex})
 * and JSON Schema ({@link io.genai4j.llm.grammar.JsonSchema}); errors are
 * {@link io.genai4j.llm.grammar.GrammarException}s naming the position, rule or JSON pointer. A
 * {@link io.genai4j.llm.grammar.ByteAutomaton} recognizes the grammar over UTF-8 bytes (a lazily
 * determinized pushdown automaton), a {@link io.genai4j.llm.grammar.TokenTrie} holds the
 * vocabulary's token bytes, and a {@link io.genai4j.llm.grammar.GrammarMatcher} joins them into
 * token masks (cached per automaton state) and forced continuations: it is the
 * {@link io.genai4j.llm.TokenConstraint.Factory} given to {@link io.genai4j.llm.GenerationOptions};
 * {@link io.genai4j.llm.grammar.Constraints} builds one from any of the formats. Nothing here prints.
 */
package io.genai4j.llm.grammar;
