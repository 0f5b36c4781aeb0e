package io.genai4j.rag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.rag.embed.Embedder;
import io.genai4j.text.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation on a slice of SQuAD v1.1 dev (20 paragraphs, 40 questions) with MiniLM: its bookkeeping and sane figures. */
class SquadSliceEvalTest {
    @TempDir
    Path work;

    @Test
    void theDevSetReadsWhole() throws Exception {
        Squad s = Squad.read(SharedData.require("rag/squad-v1.1/dev-v1.1.json"));
        assertEquals(2067, s.paragraphs().size());
        assertEquals(10570, s.questions().size());
        assertEquals("Super Bowl 50/0", s.paragraphs().getFirst().source());
        assertEquals("Which NFL team represented the AFC at Super Bowl 50?", s.questions().getFirst().text());
    }

    @Test
    void aSliceEvaluatesEveryRetrieverWithPlausibleFigures() throws Exception {
        Squad s = Squad.read(SharedData.require("rag/squad-v1.1/dev-v1.1.json")).slice(20, 40);
        assertEquals(20, s.paragraphs().size());
        assertEquals(40, s.questions().size());
        EvalResult r = RetrievalEval.run(s, List.of(Embedder.load("minilm")), new RetrievalEval.Options(200, 30, 5, work), EvalListener.NONE);
        assertEquals(List.of("bm25", "dense-minilm", "hybrid-minilm"), r.methods().stream().map(EvalResult.Method::name).toList());
        for (EvalResult.Method m : r.methods()) {
            assertTrue(m.recallAt1() <= m.recallAt5() && m.recallAt5() <= m.recallAt10(), m.toString());
            assertTrue(m.mrr() >= m.recallAt1() && m.mrr() <= m.recallAt10() + 1e-9 + (1 - m.recallAt10()), m.toString());
            assertTrue(m.recallAt5() > 0.6, "well above the 5/20 of chance: " + m);
            assertTrue(m.p50Millis() > 0 && m.p99Millis() >= m.p50Millis(), m.toString());
        }
        EvalResult.Indexing ix = r.indexing().getFirst();
        assertTrue(ix.chunks() >= 20 && ix.indexBytes() > 0 && ix.chunksPerSecond() > 0, ix.toString());
    }
}
