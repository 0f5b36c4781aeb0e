package io.genai4j.llm.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {
    static ByteAutomaton schema(String json) {
        return ByteAutomaton.compile(JsonSchema.grammar(json));
    }

    @Test
    void pythonSeparatorsAreJsonDumpsStyleAndCompactIsTheDefault() {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}},"
                + "\"c\":{}},\"required\":[\"a\",\"b\"]}";
        ByteAutomaton python = ByteAutomaton.compile(JsonSchema.grammar(schema, JsonSchema.Separators.PYTHON));
        assertTrue(python.matches("{\"a\": 1, \"b\": [1, 2]}"));
        assertTrue(python.matches("{\"a\": 1, \"b\": [], \"c\": {\"x\": [true, null]}}"));
        assertFalse(python.matches("{\"a\":1,\"b\":[1,2]}"));
        ByteAutomaton compact = schema(schema);
        assertTrue(compact.matches("{\"a\":1,\"b\":[1,2]}"));
        assertFalse(compact.matches("{\"a\": 1, \"b\": [1, 2]}"));
    }

    @Test
    void integerRangesAreExact() {
        long[][] ranges = {{-37, 512}, {0, 9}, {7, 60573}, {-1000, -17}, {100, 100}, {-5, 0}};
        for (long[] r : ranges) {
            ByteAutomaton a = schema("{\"type\":\"integer\",\"minimum\":" + r[0] + ",\"maximum\":" + r[1] + "}");
            for (long v = -2000; v <= 70000; v += v < -100 || v > 1100 ? 37 : 1) {
                assertEquals(v >= r[0] && v <= r[1], a.matches(Long.toString(v)), r[0] + ".." + r[1] + " at " + v);
            }
            assertFalse(a.matches("-0"));
            assertFalse(a.matches("007"));
        }
        ByteAutomaton ex = schema("{\"type\":\"integer\",\"exclusiveMinimum\":3,\"exclusiveMaximum\":7}");
        assertFalse(ex.matches("3"));
        assertTrue(ex.matches("4"));
        assertTrue(ex.matches("6"));
        assertFalse(ex.matches("7"));
    }

    @Test
    void everyNumberTheRangeGrammarWritesIsInTheRange() {
        String[] schemas = {"{\"type\":\"number\",\"minimum\":-3,\"maximum\":12}", "{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":1}",
                "{\"type\":\"number\",\"minimum\":-50,\"exclusiveMaximum\":-2}"};
        double[][] bounds = {{-3, 12, 1, 1}, {0, 1, 0, 0}, {-50, -2, 1, 0}};
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < schemas.length; i++) {
            ByteAutomaton a = schema(schemas[i]);
            for (String s : RandomDecodingSamples.of(a, r, 300)) {
                BigDecimal v = new BigDecimal(s);
                double lo = bounds[i][0], hi = bounds[i][1];
                boolean ok = (bounds[i][2] == 1 ? v.doubleValue() >= lo : v.doubleValue() > lo) && (bounds[i][3] == 1 ? v.doubleValue() <= hi : v.doubleValue() < hi);
                assertTrue(ok, schemas[i] + " wrote " + s);
            }
        }
        assertTrue(schema(schemas[0]).matches("11.5"));
        assertTrue(schema(schemas[0]).matches("-2.75"));
        assertFalse(schema(schemas[0]).matches("12.5"));
        assertTrue(schema(schemas[1]).matches("0.001"));
    }

    @Test
    void objectsKeepRequiredAndMayDropOptionalProperties() {
        ByteAutomaton a = schema("""
                {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"boolean"},"c":{"type":"null"}},"required":["b"],"additionalProperties":false}""");
        assertTrue(a.matches("{\"b\":true}"));
        assertTrue(a.matches("{\"a\":1,\"b\":false,\"c\":null}"));
        assertTrue(a.matches("{\"b\":false,\"c\":null}"));
        assertFalse(a.matches("{\"a\":1}"), "b is required");
        assertFalse(a.matches("{\"b\":true,\"a\":1}"), "declared order");
        assertFalse(a.matches("{\"a\":1,,\"b\":true}"));
    }

    @Test
    void refsDefsRecursionEnumsAndArrays() {
        ByteAutomaton a = schema("""
                {"$defs":{"node":{"type":"object","properties":{"v":{"enum":["x",1,null]},"kids":{"type":"array","items":{"$ref":"#/$defs/node"},"maxItems":2}},"required":["v"]}},
                 "$ref":"#/$defs/node"}""");
        assertTrue(a.matches("{\"v\":\"x\",\"kids\":[{\"v\":1},{\"v\":null,\"kids\":[]}]}"));
        assertFalse(a.matches("{\"v\":\"x\",\"kids\":[{\"v\":1},{\"v\":1},{\"v\":1}]}"), "maxItems");
        assertFalse(a.matches("{\"v\":2}"), "enum");
        ByteAutomaton tuple = schema("{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\",\"maxLength\":2},{\"const\":true}],\"items\":false}");
        assertTrue(tuple.matches("[\"ab\",true]"));
        assertFalse(tuple.matches("[\"abc\",true]"));
        assertTrue(schema("{\"type\":\"array\",\"minItems\":2}").matches("[1,{\"a\":[]}]"));
        assertFalse(schema("{\"type\":\"array\",\"minItems\":2}").matches("[1]"));
    }

    @Test
    void stringsCountCharactersNotBytesAndEscapes() {
        ByteAutomaton a = schema("{\"type\":\"string\",\"minLength\":2,\"maxLength\":3}");
        assertTrue(a.matches("\"éé\""));
        assertTrue(a.matches("\"\\n\\u00e9x\""));
        assertFalse(a.matches("\"\\ud800\""), "no lone surrogate escapes");
        assertFalse(a.matches("\"abcd\""));
        assertFalse(a.matches("\"a\""));
        ByteAutomaton p = schema("{\"type\":\"string\",\"pattern\":\"^[A-Z]{3}-\\\\d{4}$\"}");
        assertTrue(p.matches("\"ABC-1234\""));
        assertFalse(p.matches("\"ABC-123\""));
        ByteAutomaton d = schema("{\"type\":\"string\",\"format\":\"date\"}");
        assertTrue(d.matches("\"2024-02-28\""));
        assertFalse(d.matches("\"2024-02-30\""));
        assertFalse(d.matches("\"2024-04-31\""));
    }

    @Test
    void unsupportedKeywordsAreNamedWithTheirPath() {
        assertEquals("#/properties/n/multipleOf: unsupported JSON Schema keyword 'multipleOf' for type [integer]",
                assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"properties\":{\"n\":{\"type\":\"integer\",\"multipleOf\":3}}}")).getMessage());
        assertTrue(assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"type\":\"array\",\"uniqueItems\":true}")).getMessage()
                .startsWith("#/uniqueItems: unsupported keyword 'uniqueItems'"));
        assertTrue(assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"not\":{}}")).getMessage().contains("'not'"));
        assertTrue(assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"type\":\"string\",\"format\":\"iri\"}")).getMessage()
                .startsWith("#/format: unsupported format 'iri'"));
        assertTrue(assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"$ref\":\"https://x/y.json\"}")).getMessage().contains("only local references"));
        assertTrue(assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"$ref\":\"#/$defs/missing\"}")).getMessage().contains("points nowhere"));
        assertTrue(assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"type\":\"number\",\"minimum\":0.5}")).getMessage()
                .startsWith("#/minimum: a number bound must be an integer"));
        assertTrue(assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"type\":\"strin\"}")).getMessage().contains("unknown type 'strin'"));
        assertTrue(assertThrows(GrammarException.class, () -> JsonSchema.grammar("{\"type\":")).getMessage().startsWith("the schema is not valid JSON"));
    }
}
