package io.genai4j.llm.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.TokenConstraint;
import io.genai4j.text.vocab.LlmTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trie walk gives exactly the tokens whose bytes the automaton accepts one by one (the brute
 * force over the whole vocabulary), at every step of random decodings, on byte-level BPE (GPT-2,
 * Llama 3's 128k) and SentencePiece with byte fallback (Llama 2), including partial UTF-8.
 */
class TokenMaskTest {
    static final List<String> GRAMMARS = List.of(
            "root ::= \"\\\"\" [^\"\\\\]{0,5} \"\\\"\" [a-z ]{0,3} \"!\"",
            "root ::= [α-ω]{1,4} \"→\" [^a-z\"]{2,3}",
            "root ::= \"{\\\"k\\\": \" ([0-9]+ | \"\\\"\" [^\"\\\\]{0,8} \"\\\"\") \"}\"");

    @ParameterizedTest
    @ValueSource(strings = {"gpt-2", "llama-spm", "llama-bpe"})
    void masksEqualTheBruteForce(String vocab) throws Exception {
        LlmTokenizer tok = SchemaSetValidityTest.vocab(vocab);
        TokenTrie trie = TokenTrie.of(tok);
        List<Grammar> grammars = new ArrayList<>();
        for (String g : GRAMMARS) grammars.add(Gbnf.parse(g));
        for (String s : SchemaCorpus.generate(3, 11)) grammars.add(JsonSchema.grammar(s));
        grammars.add(JsonSchema.grammar("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"maxLength\":9},\"maxItems\":3}"));
        SplittableRandom r = new SplittableRandom(1);
        int checked = 0;
        for (Grammar g : grammars) {
            ByteAutomaton a = ByteAutomaton.compile(g);
            GrammarMatcher m = new GrammarMatcher(a, trie);
            GrammarConstraint c = m.start();
            for (int step = 0; step < 8 && !c.complete(); step++) {
                long[] fast = c.allowed();
                assertArrayEquals(bruteForce(a, trie, c.state()), fast, vocab + " " + g.rules().get(g.root()).name() + " step " + step);
                checked++;
                int id = RandomDecoding.pick(fast, r);
                if (trie.isEndOfGeneration(id)) break;
                c.accept(id);
            }
        }
        assertTrue(checked >= 20, "steps checked: " + checked);
    }

    static long[] bruteForce(ByteAutomaton a, TokenTrie trie, int state) {
        long[] bits = new long[(trie.vocabSize() + 63) >>> 6];
        for (int id = 0; id < trie.vocabSize(); id++) {
            boolean ok = trie.isEndOfGeneration(id) ? a.accepting(state) : trie.bytes(id) != null && a.walk(state, trie.bytes(id)) != ByteAutomaton.DEAD;
            if (ok) bits[id >>> 6] |= 1L << id;
        }
        return bits;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-2", "llama-spm"})
    void aCharacterMaySpanTwoTokens(String vocab) throws Exception {
        LlmTokenizer tok = SchemaSetValidityTest.vocab(vocab);
        GrammarMatcher m = Constraints.gbnf("root ::= \"é\" \"!\"", tok);
        TokenConstraint c = m.start();
        int lead = byteToken(tok, 0xC3);
        assertTrue(TokenConstraint.isAllowed(c.allowed(), lead), "the token of the lead byte alone is allowed");
        c.accept(lead);
        int cont = byteToken(tok, 0xA9);
        assertTrue(TokenConstraint.isAllowed(c.allowed(), cont), "its continuation byte is allowed next");
        assertTrue(!TokenConstraint.isAllowed(c.allowed(), byteToken(tok, '!')), "an ASCII byte cannot come in the middle of a character");
    }

    /** The id of the token whose bytes are exactly the one byte b. */
    static int byteToken(LlmTokenizer tok, int b) {
        for (int id = 0; id < tok.vocabSize(); id++) {
            byte[] p = tok.piece(id, false);
            if (p.length == 1 && (p[0] & 0xFF) == b && tok.vocabulary().types()[id] != io.genai4j.text.vocab.TokenType.CONTROL) return id;
        }
        throw new AssertionError("no single-byte token for " + b);
    }
}
