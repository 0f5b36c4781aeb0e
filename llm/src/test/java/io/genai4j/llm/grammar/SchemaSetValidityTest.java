package io.genai4j.llm.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.text.SharedData;
import io.genai4j.text.vocab.GgufVocabulary;
import io.genai4j.text.vocab.LlmTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every schema of the 200-schema set, decoded by drawing uniformly among the allowed tokens of a
 * real vocabulary (a model that would write anything), gives a complete document that networknt's
 * validator accepts: 100% parseable, 100% valid.
 */
class SchemaSetValidityTest {

    static LlmTokenizer vocab(String name) throws Exception {
        Path gguf = SharedData.require("tokenizers/llamacpp/ggml-vocab-" + name + ".gguf");
        try (GgufFile f = GgufFile.open(gguf)) {
            return new LlmTokenizer(GgufVocabulary.read(f.metadata()));
        }
    }

    @Test
    void everySchemaOfTheSetGivesValidJsonOnSentencePiece() throws Exception {
        LlmTokenizer tok = vocab("llama-spm");
        List<String> schemas = SchemaCorpus.generate(200, 42);
        List<String> failures = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        int tokens = 0;
        for (int i = 0; i < schemas.size(); i++) {
            GrammarMatcher m = Constraints.jsonSchema(schemas.get(i), tok);
            RandomDecoding.Result res = RandomDecoding.run(m, r, 4000);
            tokens += res.tokens();
            List<String> errors = res.complete() ? new SchemaOracle(schemas.get(i)).errors(res.text()) : List.of("incomplete after " + res.tokens() + " tokens");
            if (!errors.isEmpty()) failures.add(i + ": " + errors.subList(0, 1) + "\n  schema " + schemas.get(i) + "\n  text " + res.text());
        }
        System.out.println("200 schemas, " + tokens + " tokens, " + failures.size() + " failures");
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.stream().map(f -> f.substring(0, Math.min(f.length(), 400))).toList()));
        assertEquals(200, schemas.size());
    }
}
