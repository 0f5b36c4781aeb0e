package io.genai4j.models.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.models.train.TrainEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Word2VecTest {

    /** man (1, 0, 0), woman (1, 1, 0), king (3, 0, 0.2), queen (3, 1, 0.2) and two distractors. */
    private static WordVectors toy() {
        String[] w = {"man", "woman", "king", "queen", "apple", "stone"};
        float[][] v = {{1, 0, 0}, {1, 1, 0}, {3, 0, 0.2f}, {3, 1, 0.2f}, {-1, 0.2f, 3}, {0, -2, -1}};
        return new WordVectors(w, v, null);
    }

    @Test
    void analogyIsVectorArithmeticOnUnitVectors() {
        WordVectors v = toy();
        assertEquals("queen", v.analogy("man", "woman", "king", 1).get(0).word());
        assertEquals("king", v.analogy("woman", "man", "queen", 1).get(0).word());
        // the cosine reported is that of queen with woman/|woman| − man/|man| + king/|king|, computed by hand
        double[] q = new double[3];
        float[][] rows = {{1, 0, 0}, {1, 1, 0}, {3, 0, 0.2f}};
        double[] sign = {-1, 1, 1};
        for (int r = 0; r < 3; r++) {
            double n = Math.sqrt(rows[r][0] * rows[r][0] + rows[r][1] * rows[r][1] + rows[r][2] * rows[r][2]);
            for (int j = 0; j < 3; j++) q[j] += sign[r] * rows[r][j] / n;
        }
        double qn = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]), un = Math.sqrt(9 + 1 + 0.04);
        double want = (q[0] * 3 + q[1] * 1 + q[2] * 0.2) / (qn * un);
        assertEquals(want, v.analogy("man", "woman", "king", 1).get(0).cosine(), 1e-6);
        assertEquals("king", v.nearest("man", 1).get(0).word(), "cos(man, king) = 3/√9.04 beats cos(man, woman) = 1/√2");
    }

    @Test
    void word2vecTextFormatRoundTrips(@TempDir Path dir) throws IOException {
        WordVectors v = toy();
        Path f = v.save(dir.resolve("v.txt"));
        assertTrue(Files.readString(f).startsWith("6 3\nman 1.000000 0.000000 0.000000\n"));
        WordVectors back = WordVectors.load(f);
        assertEquals(v.words(), back.words());
        for (String w : v.words()) assertArrayEquals(v.vector(w), back.vector(w), 1e-6f);
        Path bad = Files.writeString(dir.resolve("bad.txt"), "2 3\nman 1 2 3\nwoman 1 2\n");
        IOException e = assertThrows(IOException.class, () -> WordVectors.load(bad));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(IOException.class, () -> WordVectors.load(Files.writeString(dir.resolve("h.txt"), "man 1 2 3\n")));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> WordVectors.load(dir.resolve("none.txt")));
        assertThrows(IllegalArgumentException.class, () -> v.nearest("zebra", 3));
    }

    @Test
    void bothArchitecturesLearnWhichWordsShareContexts() {
        // Two families of words that never share a context: a-words sit between "x" markers, b-words between "y" markers.
        Random r = new Random(3);
        List<String> passages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 12; k++) {
                boolean a = r.nextBoolean();
                b.append(a ? "x" : "y").append(r.nextInt(3)).append(' ').append(a ? "a" : "b").append(r.nextInt(5)).append(' ');
            }
            passages.add(b.toString());
        }
        WordCorpus corpus = WordCorpus.of(List.of(String.join("\n\n", passages)), 1);
        for (String mode : List.of("skipgram", "cbow")) {
            WordVectors v = Word2Vec.train(corpus, new Word2VecConfig(mode, 16, 1, 5, 1, 0, 5, mode.equals("cbow") ? 0.05 : 0.025, 7)).vectors();
            for (int i = 0; i < 5; i++) {
                for (var n : v.nearest("a" + i, 3)) assertTrue(n.word().startsWith("a"), mode + ": a" + i + " near " + n.word());
                assertTrue(v.similarity("a" + i, "a" + ((i + 1) % 5)) > v.similarity("a" + i, "b" + i) + 0.15,
                        mode + ": " + v.similarity("a" + i, "a" + ((i + 1) % 5)) + " vs " + v.similarity("a" + i, "b" + i));
            }
        }
    }

    @Test
    void pcaFindsTheDirectionOfMostVariance() {
        // points along (1, 2, 2)/3 with a little noise along (2, −2, 1)/3
        float[][] rows = new float[5][];
        double[] t = {-2, -1, 0, 1, 2}, noise = {0.1, -0.2, 0.2, -0.2, 0.1};   // uncorrelated with t, mean 0
        for (int i = 0; i < 5; i++) {
            rows[i] = new float[] {(float) (t[i] / 3 + 2 * noise[i] / 3 + 5), (float) (2 * t[i] / 3 - 2 * noise[i] / 3), (float) (2 * t[i] / 3 + noise[i] / 3)};
        }
        double[][] xy = Pca.project(rows, 2);
        double s = Math.signum(xy[4][0]);
        for (int i = 0; i < 5; i++) assertEquals(t[i], s * xy[i][0], 1e-4);
        double s2 = Math.signum(xy[0][1]) * Math.signum(noise[0]);
        for (int i = 0; i < 5; i++) assertEquals(noise[i], s2 * xy[i][1], 1e-4);
    }

    @Test
    void analogyListParsesAndScores() {
        Analogies list = Analogies.parse(": gender\nman woman king queen\n# a comment\nman woman apple zebra\n", "test");
        Analogies.Score s = list.evaluate(toy());
        assertEquals(1, s.correct());
        assertEquals(1, s.answered());
        assertEquals(1, s.skipped());
        assertThrows(IllegalArgumentException.class, () -> Analogies.parse("man woman king\n", "test"));
        assertEquals(63, Analogies.shakespeare().questions().size());
    }

    @Test
    void reportsAStepPerPassageAndDoesNotPrint() {
        WordCorpus corpus = WordCorpus.of(List.of("the cat sat on the mat\n\nthe dog sat on the log\n\na cat and a dog"), 1);
        List<TrainEvent> events = new ArrayList<>();
        Word2Vec.Result r = Word2Vec.train(corpus, new Word2VecConfig("skipgram", 8, 2, 3, 1, 0, 2, 0.025, 7), events::add);
        int passages = corpus.passages().size();
        List<TrainEvent.Step> steps = events.stream().filter(e -> e instanceof TrainEvent.Step).map(e -> (TrainEvent.Step) e).toList();
        assertEquals(2 * passages, steps.size(), "one step per passage per epoch");
        assertEquals(2L * corpus.tokens(), steps.stream().mapToLong(TrainEvent.Step::items).sum(), "the items are the words read");
        assertTrue(steps.get(1).learningRate() < steps.get(0).learningRate(), "alpha falls as words are read");
        assertEquals(r.lastEpochLoss(), steps.getLast().loss(), 1e-12);
        assertTrue(events.getLast() instanceof TrainEvent.Done d && d.items() == 2L * corpus.tokens());
    }
}
