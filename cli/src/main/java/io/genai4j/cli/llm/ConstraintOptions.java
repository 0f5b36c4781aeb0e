package io.genai4j.cli.llm;

import io.genai4j.engine.util.Printable;
import io.genai4j.llm.TokenConstraint;
import io.genai4j.llm.grammar.Constraints;
import io.genai4j.llm.grammar.GrammarException;
import io.genai4j.text.vocab.LlmTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --json-schema FILE | --grammar FILE | --regex R} of run and chat: what the output must look like. */
public final class ConstraintOptions {
    @Option(names = "--json-schema", paramLabel = "FILE", description = "Answer with JSON valid against this JSON Schema (draft 2020-12).") Path schema;
    @Option(names = "--grammar", paramLabel = "FILE", description = "Answer in the language of this GBNF grammar (llama.cpp's format, start rule root).") Path grammar;
    @Option(names = "--regex", paramLabel = "R", description = "Answer with text that the whole regular expression matches.") String regex;

    /** The constraint factory for the model's vocabulary; a bad file is one line naming it and the position or path. */
    TokenConstraint.Factory factory(LlmTokenizer tokenizer) throws IOException {
        try {
            if (schema != null) return Constraints.jsonSchema(PromptFile.read("--json-schema", schema, System.in), tokenizer);
            if (grammar != null) return Constraints.gbnf(PromptFile.read("--grammar", grammar, System.in), tokenizer);
            return Constraints.regex(regex, tokenizer);
        } catch (GrammarException e) {
            String what = schema != null ? "--json-schema " + Printable.of(schema.toString()) : grammar != null ? "--grammar " + Printable.of(grammar.toString()) : "--regex";
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }

    /** With --endpoint: a constraint masks a local vocabulary, so asking for one is a user error, never silently dropped. */
    static void refuseRemote(ConstraintOptions o) {
        if (o != null) throw new IllegalArgumentException("--json-schema, --grammar and --regex need a local model (they mask its vocabulary), not --endpoint");
    }

    /** The factory, or null when no constraint option was given. */
    static TokenConstraint.Factory of(ConstraintOptions o, LlmTokenizer tokenizer) throws IOException {
        return o == null ? null : o.factory(tokenizer);
    }
}
