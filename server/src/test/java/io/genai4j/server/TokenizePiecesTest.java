package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** /tokenize with pieces, as llama-server answers: a piece that is part of a character comes as its bytes. */
class TokenizePiecesTest {
    @Test
    void partialCharactersComeAsBytesAndWholeOnesAsText() {
        try (TinyServer s = TinyServer.local(1)) {
            JsonNode emoji = s.post("/tokenize", "{\"content\":\"🙂\",\"with_pieces\":true}").json().get("tokens");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (JsonNode t : emoji) {
                assertTrue(t.get("piece").isArray(), "a byte-level piece of 🙂 is not whole UTF-8: " + t);
                for (JsonNode b : t.get("piece")) bytes.write(b.intValue());
            }
            assertArrayEquals("🙂".getBytes(StandardCharsets.UTF_8), bytes.toByteArray(), "the pieces' bytes spell the text");
            for (JsonNode t : s.post("/tokenize", "{\"content\":\"Hello world\",\"with_pieces\":true}").json().get("tokens")) {
                assertTrue(t.get("piece").isTextual(), "ASCII pieces are text: " + t);
            }
        }
    }
}
