package io.genai4j.rag.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.rag.split.Chunk;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RagIndexTest {
    @TempDir
    Path dir;

    static float[] axis(int i, int dim) {
        float[] v = new float[dim];
        v[i] = 1;
        return v;
    }

    static Chunk chunk(String source, int pos, String text) {
        return new Chunk(source, "T " + source, "", pos, text);
    }

    /** Three documents, each chunk on its own axis of a 4-dimensional space. */
    private RagIndex filled() throws Exception {
        RagIndex idx = RagIndex.open(dir, "test-model", 4);
        idx.replace("docs/cats.md", "d1", List.of(chunk("docs/cats.md", 0, "Cats purr and sleep all day.")), new float[][] {axis(0, 4)});
        idx.replace("docs/dogs.md", "d2", List.of(chunk("docs/dogs.md", 0, "Dogs bark at the postman."), chunk("docs/dogs.md", 1, "Dogs fetch sticks.")),
                new float[][] {axis(1, 4), axis(2, 4)});
        idx.replace("papers/birds.pdf", "d3", List.of(chunk("papers/birds.pdf", 0, "Birds sing at dawn.")), new float[][] {axis(3, 4)});
        idx.commit();
        return idx;
    }

    @Test
    void bm25FindsTheWordsStemmedAndDenseFindsTheNearestVector() throws Exception {
        try (RagIndex idx = filled(); RagSearcher s = idx.searcher()) {
            assertEquals(4, s.size());
            List<Hit> barking = s.bm25("barking postmen", 3, Filter.NONE);   // Porter stems: barking→bark, postmen≠postman
            assertEquals("docs/dogs.md#0", barking.getFirst().chunk().id());
            assertEquals(1, barking.size());
            assertTrue(s.bm25("the of and", 3, Filter.NONE).isEmpty(), "stop words only: nothing to match");
            List<Hit> near = s.dense(new float[] {0, 0.1f, 0.99f, 0}, 2, Filter.NONE);
            assertEquals(List.of("docs/dogs.md#1", "docs/dogs.md#0"), near.stream().map(h -> h.chunk().id()).toList());
            assertEquals("Dogs fetch sticks.", near.getFirst().chunk().text());
            assertEquals(1, near.getFirst().chunk().position());
            assertEquals("T docs/dogs.md", near.getFirst().chunk().title());
            float[] v = s.vector(near.getFirst().doc());
            assertEquals(1f, v[2]);
        }
    }

    @Test
    void filtersApplyInsideBothSearches() throws Exception {
        try (RagIndex idx = filled(); RagSearcher s = idx.searcher()) {
            Filter pdfs = Filter.parse(List.of("type=pdf"));
            assertEquals(List.of("papers/birds.pdf#0"), s.dense(axis(0, 4), 3, pdfs).stream().map(h -> h.chunk().id()).toList());
            Filter docs = Filter.parse(List.of("source=docs/*"));
            assertEquals(3, s.count(docs));
            assertTrue(s.bm25("birds dawn", 5, docs).isEmpty());
            assertEquals(1, s.count(Filter.parse(List.of("source=docs/cats.md"))));
            assertEquals(0, s.count(Filter.parse(List.of("source=docs/cats.md", "type=pdf"))));
        }
        assertThrows(IllegalArgumentException.class, () -> Filter.parse(List.of("colour=red")));
        assertThrows(IllegalArgumentException.class, () -> Filter.parse(List.of("source")));
    }

    @Test
    void replacingADocumentSwapsAllItsChunksAndDeleteRemovesThem() throws Exception {
        try (RagIndex idx = filled()) {
            idx.replace("docs/dogs.md", "d2b", List.of(chunk("docs/dogs.md", 0, "Dogs now only sleep.")), new float[][] {axis(1, 4)});
            idx.delete("docs/cats.md");
            idx.commit();
            assertEquals(Map.of("docs/dogs.md", "d2b", "papers/birds.pdf", "d3"), idx.sources());
            try (RagSearcher s = idx.searcher()) {
                assertEquals(2, s.size());
                assertTrue(s.bm25("fetch sticks", 5, Filter.NONE).isEmpty());
            }
        }
    }

    @Test
    void changesAreInvisibleToReadersAndLostOnCloseUntilCommitted() throws Exception {
        try (RagIndex idx = filled()) {
            idx.delete("docs/cats.md");
            try (RagSearcher committed = RagSearcher.open(dir)) {
                assertEquals(4, committed.size());
            }
        }   // closed without commit
        try (RagSearcher s = RagSearcher.open(dir)) {
            assertEquals(4, s.size());
            assertEquals(new IndexInfo("test-model", 4), s.info());
        }
    }

    @Test
    void anIndexRefusesAnotherModelAndSaysWhichItWasBuiltWith() throws Exception {
        filled().close();
        var e = assertThrows(IllegalArgumentException.class, () -> RagIndex.open(dir, "other", 4));
        assertTrue(e.getMessage().contains("test-model"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RagIndex.open(dir, "test-model", 8));
    }

    @Test
    void anEmptyFolderHasNoIndexAndSearchingItIsAUserError(@TempDir Path empty) throws Exception {
        assertNull(IndexInfo.read(empty));
        var e = assertThrows(java.io.IOException.class, () -> RagSearcher.open(empty));
        assertTrue(e.getMessage().contains("genai rag index"), e.getMessage());
    }
}
