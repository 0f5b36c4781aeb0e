package io.genai4j.rag.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.agent.Tool;
import io.genai4j.rag.index.RagIndex;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.split.Chunk;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index as an agent tool: the folder search's name and arguments, numbered passages with their sources, cut to length. */
class SearchToolTest {
    @TempDir
    Path dir;

    @Test
    void theToolAnswersWithNumberedPassagesAndTheirSources() throws Exception {
        try (RagIndex idx = RagIndex.open(dir, "test-model", 2)) {
            idx.replace("docs/tea.md", "d1", List.of(new Chunk("docs/tea.md", "Tea", "Brewing", 0,
                    "Black tea is brewed with boiling water for four minutes, then the leaves come out.")), new float[][] {{1, 0}});
            idx.replace("docs/cats.md", "d2", List.of(new Chunk("docs/cats.md", "Cats", "", 0, "Cats purr and sleep all day.")), new float[][] {{0, 1}});
            idx.commit();
            try (RagSearcher s = idx.searcher()) {
                Tool t = SearchTool.of(new Retriever(s, null), Retriever.Query.of(Mode.BM25, 2), 40);
                assertEquals("search", t.name());
                assertTrue(t.spec().parametersSchema().contains("\"query\""), t.spec().parametersSchema());
                String out = t.call("{\"query\": \"how is black tea brewed\"}");
                assertTrue(out.startsWith("[1] Tea › Brewing (docs/tea.md): Black tea is brewed with boiling water"), out);
                assertTrue(out.lines().findFirst().orElseThrow().endsWith("…"), out);
                assertEquals("no passage matches", t.call("{\"query\": \"zebra\"}"));
                assertThrows(IllegalArgumentException.class, () -> t.call("{\"query\": \" \"}"));
            }
        }
    }
}
