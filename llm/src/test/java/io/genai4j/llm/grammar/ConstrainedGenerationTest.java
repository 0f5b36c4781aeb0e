package io.genai4j.llm.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.Session;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.Generator;
import io.genai4j.models.llama.CausalLm;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.ModelPreset;
import io.genai4j.models.llama.RandomModel;
import io.genai4j.models.sampling.Penalties;
import io.genai4j.text.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constrained generation with a random-weight Llama (Llama 2's SentencePiece vocabulary with byte
 * fallback) sampling at temperature 1: every document is complete and valid, checked by parsers
 * that know nothing of the grammar engine (networknt for schemas; Jackson, java.util.regex and a
 * small expression parser for GBNF grammars). The whole 200-schema set runs in
 * {@link SchemaSetValidityTest} and in {@code genai bench grammar}.
 */
class ConstrainedGenerationTest {
    @TempDir
    static Path tmp;
    static LoadedModel model;

    @BeforeAll
    static void writeModel() throws Exception {
        Path vocab = SharedData.require("tokenizers/llamacpp/ggml-vocab-llama-spm.gguf");
        Path gguf = tmp.resolve("random.gguf");
        RandomModel.write(gguf, ModelPreset.TINY, DType.F16, DType.F16, 3, vocab, null);
        model = ModelLoader.load(gguf);
    }

    @AfterAll
    static void close() throws Exception {
        if (model != null) model.close();
    }

    static GenerationOptions sampling(int maxTokens, long seed) {
        return new GenerationOptions(maxTokens, 1f, 0, 1f, 0f, Penalties.NONE, seed, List.of(), true);
    }

    @Test
    void schemaOutputIsValidAgainstItsSchema() {
        Generator g = new Generator(model);
        int[] prompt = model.tokenizer().encode("Answer in JSON:", true, true);
        List<String> schemas = SchemaCorpus.generate(200, 42);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 200; i += 40) {
            GenerationResult r = g.generate(prompt, sampling(1500, i).withConstraint(Constraints.jsonSchema(schemas.get(i), model.tokenizer())), null);
            List<String> errors = r.stopReason().equals("stop") || r.stopReason().equals("eos") ? new SchemaOracle(schemas.get(i)).errors(r.text())
                    : List.of("stopped by " + r.stopReason());
            if (!errors.isEmpty()) failures.add(i + ": " + errors + " in " + r.text());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    static final String JSON_GBNF = """
            root   ::= object
            value  ::= object | array | string | number | "true" | "false" | "null"
            object ::= "{" ( string ":" value ("," string ":" value)* )? "}"
            array  ::= "[" ( value ("," value)* )? "]"
            string ::= "\\"" [^"\\\\\\x00-\\x1F]{0,12} "\\""
            number ::= "-"? ([0-9] | [1-9] [0-9]{1,8}) ("." [0-9]{1,4})?
            """;
    static final String LIST_GBNF = "root ::= item (\", \" item){0,4} \".\"\nitem ::= [a-z]{1,8}";
    static final String TIME_GBNF = "root ::= hh \":\" mm (\" \" (\"am\" | \"pm\"))?\nhh ::= [01] [0-9] | \"2\" [0-3]\nmm ::= [0-5] [0-9]";
    static final String EXPR_GBNF = """
            root ::= expr
            expr ::= term (("+" | "-" | "*") term){0,3}
            term ::= [0-9]{1,3} | "(" expr ")"
            """;

    @Test
    void gbnfOutputParses() throws Exception {
        Generator g = new Generator(model);
        int[] prompt = model.tokenizer().encode("Output:", true, true);
        ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (int seed = 0; seed < 2; seed++) {
            String a = generate(g, prompt, JSON_GBNF, seed);
            JsonNode node = json.readTree(a);
            assertTrue(node.isObject(), a);
            String l = generate(g, prompt, LIST_GBNF, seed);
            assertTrue(Pattern.matches("[a-z]{1,8}(, [a-z]{1,8}){0,4}\\.", l), l);
            String t = generate(g, prompt, TIME_GBNF, seed);
            assertTrue(Pattern.matches("([01][0-9]|2[0-3]):[0-5][0-9]( (am|pm))?", t), t);
            String e = generate(g, prompt, EXPR_GBNF, seed);
            assertEquals(e.length(), new ExpressionParser(e).expr(0), "the whole text is one expression: " + e);
        }
    }

    private static String generate(Generator g, int[] prompt, String gbnf, long seed) {
        GenerationResult r = g.generate(prompt, sampling(600, seed).withConstraint(Constraints.gbnf(gbnf, model.tokenizer())), null);
        assertTrue(r.stopReason().equals("stop") || r.stopReason().equals("eos"), "stopped by " + r.stopReason() + ": " + r.text());
        return r.text();
    }

    /** expr ::= term (op term){0,3}; term ::= digits | ( expr ), written without the grammar engine; returns where it ended or -1. */
    private record ExpressionParser(String s) {
        int expr(int i) {
            i = term(i);
            for (int k = 0; k < 3 && i >= 0 && i < s.length() && "+-*".indexOf(s.charAt(i)) >= 0; k++) i = term(i + 1);
            return i;
        }

        int term(int i) {
            if (i < 0 || i >= s.length()) return -1;
            if (s.charAt(i) == '(') {
                int j = expr(i + 1);
                return j >= 0 && j < s.length() && s.charAt(j) == ')' ? j + 1 : -1;
            }
            int j = i;
            while (j < s.length() && j - i < 3 && Character.isDigit(s.charAt(j))) j++;
            return j > i ? j : -1;
        }
    }

    @Test
    void forcedTextIsAppendedWithoutAModelStepPerToken() {
        String schema = "{\"const\":{\"greeting\":\"hello world, this is fixed\",\"n\":[1,2,3]}}";
        GrammarMatcher m = Constraints.jsonSchema(schema, model.tokenizer());
        AtomicInteger forwards = new AtomicInteger();
        Generator g = new Generator(new CountingModel(model.model(), forwards), model.tokenizer());
        int[] prompt = model.tokenizer().encode("Say it:", true, true);
        GenerationResult r = g.generate(prompt, sampling(200, 1).withConstraint(m), null);
        assertEquals("{\"greeting\":\"hello world, this is fixed\",\"n\":[1,2,3]}", r.text());
        assertEquals("stop", r.stopReason());
        assertArrayEquals(m.start().forced(), r.ids(), "the forced tokens, longest first");
        assertEquals(1, forwards.get(), "the prompt and all forced tokens ran as one batch");
    }

    /** A model whose sessions count their forward calls. */
    private record CountingModel(CausalLm inner, AtomicInteger forwards) implements CausalLm {
        @Override
        public LlamaConfig config() {
            return inner.config();
        }

        @Override
        public Tensor forward(int[] tokens, KvCache cache, boolean allPositions) {
            return inner.forward(tokens, cache, allPositions);
        }

        @Override
        public Session newSession(int capacity, DType kvType) {
            Session s = inner.newSession(capacity, kvType);
            return new Session() {
                @Override
                public float[] forward(int[] tokens, boolean allPositions) {
                    forwards.incrementAndGet();
                    return s.forward(tokens, allPositions);
                }

                @Override
                public KvCache cache() {
                    return s.cache();
                }
            };
        }
    }
}
