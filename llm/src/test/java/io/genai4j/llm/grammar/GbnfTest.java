package io.genai4j.llm.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GbnfTest {
    /** llama.cpp's grammars/json.gbnf (whitespace rule shortened). */
    static final String JSON = """
            root   ::= object
            value  ::= object | array | string | number | ("true" | "false" | "null") ws

            object ::=
              "{" ws (
                        string ":" ws value
                ("," ws string ":" ws value)*
              )? "}" ws

            array  ::=
              "[" ws (
                        value
                ("," ws value)*
              )? "]" ws

            string ::=
              "\\"" (
                [^"\\\\\\x7F\\x00-\\x1F] |
                "\\\\" (["\\\\/bfnrt] | "u" [0-9a-fA-F]{4}) # escapes
              )* "\\"" ws

            number ::= ("-"? ([0-9] | [1-9] [0-9]{0,15})) ("." [0-9]+)? ([eE] [-+]? [0-9] [1-9]{0,15})? ws

            # Optional space: by convention, applied in this grammar after literal chars when allowed
            ws ::= | " " | "\\n" [ \\t]{0,20}
            """;

    static ByteAutomaton automaton(String gbnf) {
        return ByteAutomaton.compile(Gbnf.parse(gbnf));
    }

    @Test
    void llamaCppJsonGrammarAcceptsJsonObjectsAndRejectsTheRest() {
        ByteAutomaton a = automaton(JSON);
        assertTrue(a.matches("{}"));
        assertTrue(a.matches("{\"a\": [1, 2.5e3, -0.25, true, null, \"x\\n\\u00e9\"], \"b\": {\"c\": \"ünï ✓\"}}"));
        assertFalse(a.matches("[1]"), "root is an object");
        assertFalse(a.matches("{\"a\" 1}"));
        assertFalse(a.matches("{\"a\": 01x}"));
        assertFalse(a.matches("{\"a\": \"\u0001\"}"), "raw control characters are excluded");
    }

    @Test
    void repetitionBoundsAreExact() {
        ByteAutomaton a = automaton("root ::= \"x\"{2,4} [a-c]? (\"yz\")+");
        assertFalse(a.matches("xyz"));
        assertTrue(a.matches("xxyz"));
        assertTrue(a.matches("xxxxbyzyz"));
        assertFalse(a.matches("xxxxxyz"));
        assertFalse(a.matches("xxbyzy"));
        ByteAutomaton exact = automaton("root ::= [0-9]{3}");
        assertTrue(exact.matches("123"));
        assertFalse(exact.matches("12"));
        assertFalse(exact.matches("1234"));
    }

    @Test
    void charactersSplitAcrossTokensStillMatch() {
        ByteAutomaton a = automaton("root ::= [α-ω]+ \"→\" [^a-z]");
        assertTrue(a.matches("λμ→Z"));
        assertFalse(a.matches("λμ→z"));
        byte[] arrow = "→".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int s = a.walk(a.start(), "λ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        s = a.step(s, arrow[0] & 0xFF);   // the first byte of a three-byte character
        assertTrue(s >= 0, "a partial character is a live state");
        assertFalse(a.accepting(s));
        assertEquals(ByteAutomaton.DEAD, a.step(s, 'A'), "an ASCII byte cannot continue a partial character");
    }

    @Test
    void escapesAnyCharacterAndComments() {
        ByteAutomaton a = automaton("""
                # a comment
                root ::= "\\x41\\u00e9\\t" . item  # trailing comment
                item ::= [\\]\\-]
                """);
        assertTrue(a.matches("Aé\t€]"));
        assertTrue(a.matches("Aé\tx-"));
        assertFalse(a.matches("Aé\tx!"));
    }

    @Test
    void errorsNameLineAndColumnOrRule() {
        assertEquals("line 3, column 1: expected ')'", assertThrows(GrammarException.class, () -> Gbnf.parse("root ::= a\na ::= (\"x\"\n")).getMessage());
        assertTrue(assertThrows(GrammarException.class, () -> Gbnf.parse("root ::= \"a\" | b")).getMessage().contains("rule 'b' is used but never defined"));
        assertTrue(assertThrows(GrammarException.class, () -> Gbnf.parse("item ::= \"a\"")).getMessage().contains("no rule 'root'"));
        assertTrue(assertThrows(GrammarException.class, () -> Gbnf.parse("root ::= \"\\q\"")).getMessage().contains("unknown escape"));
        assertTrue(assertThrows(GrammarException.class, () -> Gbnf.parse("root ::= <[1000]>")).getMessage().contains("token references"));
        assertTrue(assertThrows(GrammarException.class, () -> Gbnf.parse("root ::= \"a\"\nroot ::= \"b\"")).getMessage().contains("defined twice"));
        String left = assertThrows(GrammarException.class, () -> automaton("root ::= expr\nexpr ::= expr \"+\" num | num\nnum ::= [0-9]+")).getMessage();
        assertTrue(left.contains("'expr' is left-recursive"), left);
        String hidden = assertThrows(GrammarException.class, () -> automaton("root ::= opt root \"x\" | \"y\"\nopt ::= \"o\"?")).getMessage();
        assertTrue(hidden.contains("left-recursive"), "left recursion through a nullable rule: " + hidden);
    }

    @Test
    void rightRecursionNestsWithoutLimit() {
        ByteAutomaton a = automaton("root ::= \"(\" root \")\" | \"x\"");
        String deep = "(".repeat(300) + "x" + ")".repeat(300);
        assertTrue(a.matches(deep));
        assertFalse(a.matches(deep + ")"));
    }
}
