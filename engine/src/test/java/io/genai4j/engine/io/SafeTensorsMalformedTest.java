package io.genai4j.engine.io;

import static io.genai4j.engine.io.SafeTensorsTestFiles.concat;
import static io.genai4j.engine.io.SafeTensorsTestFiles.f32;
import static io.genai4j.engine.io.SafeTensorsTestFiles.file;
import static io.genai4j.engine.io.SafeTensorsTestFiles.u64;
import static io.genai4j.engine.io.SafeTensorsTestFiles.write;
import static io.genai4j.engine.io.SafeTensorsTestFiles.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per way a safetensors file can be broken; each checks the message says what and where. */
class SafeTensorsMalformedTest {

    @TempDir
    Path dir;

    private int counter;

    /** Opens {@code bytes} as a file and expects a SafeTensorsException naming the file and the parts. */
    private SafeTensorsException rejects(byte[] bytes, String... parts) {
        Path p = write(dir, "bad" + (counter++) + ".safetensors", bytes);
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> {
            try (SafeTensorsFile f = SafeTensors.open(p)) {
                f.tensors();
            }
        });
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertEquals(p.toString(), e.source());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
        return e;
    }

    /** A header with one tensor entry "w" whose JSON body is given, over {@code dataBytes} zero bytes. */
    private SafeTensorsException rejectsEntry(String entryJson, int dataBytes, String... parts) {
        return rejects(file("{\"w\":" + entryJson + "}", zeros(dataBytes)), parts);
    }

    // ------------------------------------------------------------ length prefix

    @Test
    void emptyFile() {
        rejects(new byte[0], "file is 0 bytes", "shorter than the 8-byte");
    }

    @Test
    void fileShorterThanPrefix() {
        rejects(new byte[] {2, 0, 0, 0, 0}, "file is 5 bytes", "shorter than the 8-byte");
    }

    @Test
    void headerLengthBeyondFile() {
        rejects(concat(u64(100), "{}".getBytes(StandardCharsets.UTF_8)), "header length 100", "beyond the end of the file", "10 bytes");
    }

    @Test
    void headerLengthAbsurd() {
        rejects(concat(u64(200_000_000L), zeros(16)), "header length 200000000", "exceeds the limit of 100000000");
    }

    @Test
    void headerLengthAboveSignedRange() {
        // 0xFFFF... as an unsigned u64, not -1.
        rejects(concat(u64(-1L), zeros(16)), "header length 18446744073709551615", "exceeds the limit");
    }

    // ------------------------------------------------------------ header syntax

    @Test
    void headerNotUtf8() {
        byte[] header = {'{', '"', (byte) 0xFF, '"', ':', '1', '}', ' '};
        rejects(concat(u64(header.length), header), "not valid UTF-8", "0xff", "byte 2");
    }

    @Test
    void headerNotJson() {
        rejects(file("{\"w\" {}}", zeros(0)), "not valid JSON", "expected ':'", "byte 5");
    }

    @Test
    void headerTruncatedJson() {
        rejects(file("{\"w\":{\"dtype\":\"F32\"", zeros(0)), "not valid JSON", "end of input");
    }

    @Test
    void headerEmpty() {
        rejects(u64(0), "not valid JSON", "unexpected end of input");
    }

    @Test
    void headerNotAnObject() {
        rejects(file("[1, 2]  ", zeros(0)), "header is not valid JSON", "expected an object, found '['", "byte 0");
        rejects(file("  \"w\"", zeros(0)), "expected an object, found '\"'", "byte 2");
    }

    @Test
    void headerTrailingGarbage() {
        rejects(file("{} {}", zeros(0)), "not valid JSON", "after the JSON value");
    }

    @Test
    void headerPaddedWithNulsInsteadOfSpaces() {
        rejects(file("{}\0\0\0\0\0\0", zeros(0)), "not valid JSON", "byte 0x00", "byte 2");
    }

    @Test
    void headerNestedTooDeep() {
        rejects(file("{\"__metadata__\":" + "[".repeat(100) + "]".repeat(100) + "}", zeros(0)), "nesting deeper");
    }

    @Test
    void duplicateTensorName() {
        String e = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        rejects(file("{\"w\":" + e + ",\"w\":" + e + "}", zeros(4)), "duplicate key \"w\"");
    }

    // ------------------------------------------------------------ entries

    @Test
    void entryNotAnObject() {
        rejectsEntry("[\"F32\", [1], [0, 4]]", 4, "tensor 'w'", "entry is a JSON array", "expected an object");
        rejectsEntry("null", 0, "tensor 'w'", "entry is a JSON null");
    }

    @Test
    void missingFields() {
        rejectsEntry("{\"shape\":[1],\"data_offsets\":[0,4]}", 4, "tensor 'w'", "missing field 'dtype'");
        rejectsEntry("{\"dtype\":\"F32\",\"data_offsets\":[0,4]}", 4, "tensor 'w'", "missing field 'shape'");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[1]}", 4, "tensor 'w'", "missing field 'data_offsets'");
    }

    @Test
    void dtypeNotAString() {
        rejectsEntry("{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}", 4, "tensor 'w'", "dtype must be a string", "number 4");
    }

    @Test
    void unknownDtype() {
        rejectsEntry("{\"dtype\":\"F7\",\"shape\":[1],\"data_offsets\":[0,4]}", 4, "tensor 'w'", "unknown dtype 'F7'", "supported: F32");
        // The format's names are upper case; no silent case folding.
        rejectsEntry("{\"dtype\":\"f32\",\"shape\":[1],\"data_offsets\":[0,4]}", 4, "unknown dtype 'f32'");
        rejectsEntry("{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}", 1, "unknown dtype 'F8_E4M3'");
    }

    @Test
    void shapeNotAnArray() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":4,\"data_offsets\":[0,16]}", 16, "tensor 'w'", "shape must be an array", "number 4");
    }

    @Test
    void negativeDimension() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[2,-1],\"data_offsets\":[0,8]}", 8, "tensor 'w'", "shape [2,-1]", "negative value -1");
    }

    @Test
    void nonIntegerDimensions() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}", 8, "tensor 'w'", "non-integer value 2.5");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[2e0],\"data_offsets\":[0,8]}", 8, "non-integer value 2.0");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[\"2\"],\"data_offsets\":[0,8]}", 8, "shape [\"2\"]", "string where an integer is required");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[null],\"data_offsets\":[0,8]}", 8, "null where an integer is required");
    }

    @Test
    void dimensionBeyondLong() {
        rejectsEntry("{\"dtype\":\"I32\",\"shape\":[2,18446744073709551614],\"data_offsets\":[0,16]}", 16,
                "tensor 'w'", "value 18446744073709551614", "too large");
    }

    @Test
    void shapeProductOverflow() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,16]}", 16,
                "tensor 'w'", "[4294967296, 4294967296]", "element count overflows");
        // The element count fits, the byte count does not.
        rejectsEntry("{\"dtype\":\"F64\",\"shape\":[2305843009213693952],\"data_offsets\":[0,16]}", 16,
                "tensor 'w'", "byte size overflows");
    }

    @Test
    void dataOffsetsNotTwoIntegers() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":4}", 4, "tensor 'w'", "data_offsets must be an array of two integers", "got 4");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}", 4, "data_offsets must be an array of two integers", "[4]");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}", 8, "data_offsets must be an array of two integers");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4.0]}", 4, "data_offsets [0,4.0]", "non-integer value 4.0");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}", 4, "data_offsets [-4,0]", "negative value -4");
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[\"0\",4]}", 4, "string where an integer is required");
    }

    @Test
    void dataOffsetBeyondLong() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[18446744073709551616,18446744073709551620]}", 4,
                "tensor 'w'", "data_offsets", "value 18446744073709551616", "too large");
    }

    @Test
    void beginAfterEnd() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,4]}", 8, "tensor 'w'", "data_offsets [8, 4]", "begin > end");
    }

    @Test
    void endBeyondDataBuffer() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}", 12,
                "tensor 'w'", "data_offsets [0, 16]", "beyond the data buffer of 12 bytes");
    }

    @Test
    void byteSizeMismatch() {
        rejectsEntry("{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}", 16,
                "tensor 'w'", "dtype F32", "shape [2, 2]", "needs 16 bytes", "data_offsets [0, 12] span 12");
    }

    @Test
    void overlappingTensors() {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}";
        rejects(file(header, zeros(24)), "tensors 'a' [0, 16) and 'b' [8, 24) overlap");
    }

    @Test
    void tensorInsideAnother() {
        // "b" starts after "a" begins and ends before "a" ends; a long tensor listed first.
        String header = "{\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[4,6]},"
                + "\"c\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[20,22]},"
                + "\"a\":{\"dtype\":\"U8\",\"shape\":[16],\"data_offsets\":[0,16]}}";
        rejects(file(header, zeros(24)), "'a' [0, 16) and 'b' [4, 6) overlap");
    }

    @Test
    void sameRangeTwice() {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        rejects(file(header, f32(1, 2)), "overlap");
    }

    // ------------------------------------------------------------ metadata

    @Test
    void metadataNotAnObject() {
        rejects(file("{\"__metadata__\":[\"a\"]}", zeros(0)), "__metadata__ must be an object of strings", "array [\"a\"]");
        rejects(file("{\"__metadata__\":null}", zeros(0)), "__metadata__ must be an object of strings", "null");
    }

    @Test
    void metadataValueNotAString() {
        rejects(file("{\"__metadata__\":{\"ok\":\"x\",\"epochs\":3}}", zeros(0)),
                "__metadata__ value for key 'epochs' must be a string", "number 3");
        rejects(file("{\"__metadata__\":{\"nested\":{\"a\":\"b\"}}}", zeros(0)),
                "key 'nested' must be a string", "object {\"a\":\"b\"}");
    }

    @Test
    void hugeValuesAreQuotedShortly() {
        String longName = "n".repeat(10_000);
        SafeTensorsException e = rejects(file("{\"" + longName + "\":{\"dtype\":\"X\",\"shape\":[],\"data_offsets\":[0,0]}}", zeros(0)),
                "unknown dtype 'X'");
        assertTrue(e.getMessage().length() < 600, "message stays short: " + e.getMessage().length());
    }
}
