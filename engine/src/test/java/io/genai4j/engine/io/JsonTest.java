package io.genai4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static Json.ParseException fails(String text) {
        return assertThrows(Json.ParseException.class, () -> Json.parse(text));
    }

    private static Json.ParseException fails(byte[] bytes) {
        return assertThrows(Json.ParseException.class, () -> Json.parse(bytes));
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void parsesNestedStructuresInDocumentOrder() {
        Object v = Json.parse(" {\"b\": [1, true, null, \"x\"], \"a\": {\"c\": false}, \"e\": []} \n");
        Map<?, ?> m = assertInstanceOf(Map.class, v);
        assertEquals(List.of("b", "a", "e"), List.copyOf(m.keySet()));
        List<?> b = (List<?>) m.get("b");
        assertEquals(1L, b.get(0));
        assertEquals(Boolean.TRUE, b.get(1));
        assertNull(b.get(2));
        assertEquals("x", b.get(3));
        assertEquals(Map.of("c", false), m.get("a"));
        assertEquals(List.of(), m.get("e"));
    }

    @Test
    void resultIsUnmodifiable() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"a\":[1]}");
        assertThrows(UnsupportedOperationException.class, () -> m.clear());
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) m.get("a")).clear());
    }

    @Test
    void decodesAllEscapes() {
        assertEquals("\"\\/\b\f\n\r\t", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        assertEquals("A\u00e9\u4e2d", Json.parse("\"\\u0041\\u00E9\\u4e2d\""));
        assertEquals("mixed \u00e9 and é raw", Json.parse("\"mixed \\u00e9 and é raw\""));
    }

    @Test
    void combinesSurrogatePairs() {
        String s = (String) Json.parse("\"\\ud83d\\ude00\"");
        assertEquals(0x1F600, s.codePointAt(0));
        assertEquals(2, s.length());
        // The same character as raw 4-byte UTF-8.
        assertEquals(s, Json.parse("\"\uD83D\uDE00\""));
    }

    @Test
    void rejectsLoneOrMismatchedSurrogates() {
        assertMessage(fails("\"\\ud83d\""), "lone high surrogate", "byte 1");
        assertMessage(fails("\"\\ude00x\""), "lone low surrogate");
        assertMessage(fails("\"\\ud83d\\u0041\""), "not a low surrogate", "byte 7");
        assertMessage(fails("\"\\ud83dx\""), "lone high surrogate");
    }

    @Test
    void rejectsBadEscapes() {
        assertMessage(fails("\"\\x\""), "invalid escape '\\x'", "byte 1");
        assertMessage(fails("\"\\u12G4\""), "invalid hex digit", "byte 5");
        assertMessage(fails("\"\\u12"), "truncated \\u escape");
        assertMessage(fails("\"abc\\"), "unterminated escape");
    }

    @Test
    void rejectsRawControlCharactersAndUnterminatedStrings() {
        assertMessage(fails("\"a\nb\""), "raw control character 0x0a", "byte 2");
        assertMessage(fails("\"abc"), "unterminated string", "byte 0");
        assertMessage(fails("{\"a\":\"x"), "unterminated string", "byte 5");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bad = {'"', (byte) 0xC3, 0x28, '"'};
        assertMessage(fails(bad), "invalid UTF-8 continuation byte 0x28", "byte 2");
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0x80, '"'};
        assertMessage(fails(overlong), "invalid UTF-8 byte 0xc0");
        byte[] overlong3 = {'"', (byte) 0xE0, (byte) 0x80, (byte) 0x80, '"'};
        assertMessage(fails(overlong3), "overlong");
        byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertMessage(fails(surrogate), "encoded surrogate");
        byte[] tooBig = {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'};
        assertMessage(fails(tooBig), "above U+10FFFF");
        byte[] truncated = {'"', (byte) 0xE4, (byte) 0xB8};
        assertMessage(fails(truncated), "truncated UTF-8");
    }

    @Test
    void numbersKeepIntegersExactAndMarkFractions() {
        assertEquals(0L, Json.parse("0"));
        assertEquals(-7L, Json.parse("-7"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigInteger("-18446744073709551616"), Json.parse("-18446744073709551616"));
        assertEquals(1.5, Json.parse("1.5"));
        assertEquals(1000.0, Json.parse("1e3"));
        assertEquals(1000.0, Json.parse("1E+3"));
        assertEquals(-0.025, Json.parse("-2.5e-2"));
        assertEquals(2.0, Json.parse("2.0"));
        assertEquals(Double.POSITIVE_INFINITY, Json.parse("1e400"));
    }

    @Test
    void rejectsMalformedNumbers() {
        assertMessage(fails("01"), "leading zeros", "byte 1");
        assertMessage(fails("-"), "expected a digit", "end of input");
        assertMessage(fails("1."), "after the decimal point");
        assertMessage(fails(".5"), "unexpected '.'");
        assertMessage(fails("1e"), "exponent");
        assertMessage(fails("+1"), "unexpected '+'");
        assertMessage(fails("[1,]"), "expected a value", "byte 3");
    }

    @Test
    void rejectsOverlongNumberLiterals() {
        String digits = "9".repeat(Json.MAX_NUMBER_CHARS + 1);
        assertMessage(fails(digits), "longer than the limit");
        // At the limit it still parses.
        assertInstanceOf(BigInteger.class, Json.parse("9".repeat(Json.MAX_NUMBER_CHARS)));
    }

    @Test
    void rejectsTrailingGarbage() {
        assertMessage(fails("{} x"), "unexpected 'x' after the JSON value", "byte 3");
        assertMessage(fails("[1] [2]"), "after the JSON value");
        assertMessage(fails("{}\0"), "byte 0x00");
        assertEquals(Map.of(), Json.parse("{}   \r\n\t"));
    }

    @Test
    void enforcesDepthLimit() {
        String ok = "[".repeat(Json.DEFAULT_MAX_DEPTH) + "]".repeat(Json.DEFAULT_MAX_DEPTH);
        assertInstanceOf(List.class, Json.parse(ok));
        String deep = "[".repeat(Json.DEFAULT_MAX_DEPTH + 1) + "]".repeat(Json.DEFAULT_MAX_DEPTH + 1);
        assertMessage(fails(deep), "nesting deeper than the limit of " + Json.DEFAULT_MAX_DEPTH);
        // Far beyond the limit: must be the same clear error, not a StackOverflowError.
        String hostile = "{\"a\":".repeat(1_000_000);
        assertMessage(fails(hostile), "nesting deeper");
        byte[] two = "[[1]]".getBytes(StandardCharsets.UTF_8);
        assertMessage(assertThrows(Json.ParseException.class, () -> Json.parse(two, 0, two.length, 1)), "limit of 1");
    }

    @Test
    void rejectsStructuralErrors() {
        assertMessage(fails(""), "unexpected end of input");
        assertMessage(fails("   "), "unexpected end of input");
        assertMessage(fails("{\"a\" 1}"), "expected ':'", "byte 5");
        assertMessage(fails("{\"a\":1 \"b\":2}"), "expected ',' or '}'", "byte 7");
        assertMessage(fails("{1:2}"), "expected a string key");
        assertMessage(fails("{\"a\":1,}"), "expected a string key");
        assertMessage(fails("[1 2]"), "expected ',' or ']'");
        assertMessage(fails("tru"), "expected 'true'");
        assertMessage(fails("nul"), "expected 'null'");
        assertMessage(fails("{\"a\":1"), "end of input");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertMessage(fails("{\"a\":1,\"a\":2}"), "duplicate key \"a\"", "byte 7");
    }

    @Test
    void positionsAreRelativeToTheParsedRange() {
        byte[] buf = "xxxx{\"a\" 1}".getBytes(StandardCharsets.UTF_8);
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse(buf, 4, buf.length - 4, 8));
        assertEquals(5, e.position());
    }

    @Test
    void quoteEscapesLikeSerdeJson() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001/é\"", Json.quote("a\"b\\c\nd\te\u0001/é"));
        // Round trip through the parser for every escaped class.
        String s = "q\"\\\b\f\n\r\t\u0000\u001f\uD83D\uDE00/";
        assertEquals(s, Json.parse(Json.quote(s)));
    }

    @Test
    void toJsonWritesCompactlyAndTruncates() {
        Object v = Json.parse("{\"a\": [1, 2.5, true, null], \"b\": \"x\"}");
        assertEquals("{\"a\":[1,2.5,true,null],\"b\":\"x\"}", Json.toJson(v, 1000));
        String cut = Json.toJson(Json.parse("[" + "1,".repeat(10_000) + "1]"), 20);
        assertTrue(cut.length() <= 23 && cut.endsWith("..."), cut);
    }

    @Test
    void forEachMemberStreamsTopLevelMembersInOrder() {
        byte[] text = " {\"a\": 1, \"b\": {\"c\": [2]}} ".getBytes(StandardCharsets.UTF_8);
        List<String> keys = new java.util.ArrayList<>();
        List<Object> values = new java.util.ArrayList<>();
        Json.forEachMember(text, 0, text.length, 8, (k, v) -> {
            keys.add(k);
            values.add(v);
        });
        assertEquals(List.of("a", "b"), keys);
        assertEquals(List.of(1L, Map.of("c", List.of(2L))), values);
    }

    @Test
    void forEachMemberChecksShapeDuplicatesAndTrailingText() {
        byte[] arr = "[1]".getBytes(StandardCharsets.UTF_8);
        assertMessage(assertThrows(Json.ParseException.class, () -> Json.forEachMember(arr, 0, arr.length, 8, (k, v) -> { })),
                "expected an object, found '['", "byte 0");
        byte[] dup = "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
        List<String> seen = new java.util.ArrayList<>();
        assertMessage(assertThrows(Json.ParseException.class, () -> Json.forEachMember(dup, 0, dup.length, 8, (k, v) -> seen.add(k))),
                "duplicate key \"a\"");
        assertEquals(List.of("a"), seen, "the duplicate is not handed out");
        byte[] trailing = "{} x".getBytes(StandardCharsets.UTF_8);
        assertMessage(assertThrows(Json.ParseException.class, () -> Json.forEachMember(trailing, 0, trailing.length, 8, (k, v) -> { })),
                "after the JSON value");
        byte[] empty = new byte[0];
        assertMessage(assertThrows(Json.ParseException.class, () -> Json.forEachMember(empty, 0, 0, 8, (k, v) -> { })),
                "unexpected end of input");
    }

    @Test
    void forEachMemberStopsWhenTheVisitorThrows() {
        byte[] text = "{\"a\":1,\"b\":2,\"c\":".getBytes(StandardCharsets.UTF_8); // malformed after b
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Json.forEachMember(text, 0, text.length, 8, (k, v) -> {
            if (k.equals("b")) throw new IllegalStateException("bad b");
        }));
        assertEquals("bad b", e.getMessage());
    }

    @Test
    void typeNames() {
        assertEquals("object", Json.typeName(Json.parse("{}")));
        assertEquals("array", Json.typeName(Json.parse("[]")));
        assertEquals("string", Json.typeName(Json.parse("\"\"")));
        assertEquals("number", Json.typeName(Json.parse("1")));
        assertEquals("boolean", Json.typeName(Json.parse("false")));
        assertEquals("null", Json.typeName(Json.parse("null")));
    }
}
