package io.genai4j.rag.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.models.bert.BertEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderTest {
    @Test
    void bgeQueriesCarryTheModelCardInstructionAndPassagesDoNot() throws Exception {
        BertEncoder enc = BertEncoder.load("bge-small");
        Embedder e = new Embedder(enc, Embedder.prefixFor(enc.name()), "bge-small");
        String q = "what do cats do all day?";
        assertArrayEquals(enc.encode(List.of(Embedder.BGE_QUERY_PREFIX + q))[0], e.query(q));
        assertArrayEquals(enc.encode(List.of(q))[0], e.passages(List.of(q), null)[0]);
        assertTrue(dot(e.query(q), e.passages(List.of(q), null)[0]) < 0.999, "the prefix changes the query vector");
    }

    @Test
    void miniLmHasNoPrefixAndVectorsAreUnitLengthAndRankByMeaning() throws Exception {
        Embedder e = Embedder.load("minilm");
        assertEquals("", e.queryPrefix());
        assertEquals("minilm", e.name());
        float[][] p = e.passages(List.of("Cats sleep for most of the day.", "The stock market fell sharply on Monday.",
                "Kittens nap in the sun."), null);
        for (float[] v : p) assertEquals(1.0, Math.sqrt(dot(v, v)), 1e-5);
        float[] q = e.query("How long do cats sleep?");
        assertTrue(dot(q, p[0]) > dot(q, p[2]) && dot(q, p[2]) > dot(q, p[1]), "cats > kittens > stocks");
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
