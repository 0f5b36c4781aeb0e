package io.genai4j.models.captioner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.models.vision.Images;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scene data: determinism, the held-out property, the layout behind "to the left of", the grammar and its vocabulary. */
class SceneGeneratorTest {
    private static final Images POOL = TinyDigits.pool(40, 1);

    @Test
    void theSameSeedAndIndexGiveTheSameScene() {
        SceneGenerator a = new SceneGenerator(POOL, SceneGenerator.Split.TRAIN, 5), b = new SceneGenerator(POOL, SceneGenerator.Split.TRAIN, 5);
        for (long i = 0; i < 20; i++) {
            assertEquals(a.scene(i).digits(), b.scene(i).digits());
            assertArrayEquals(a.scene(i).pixels(), b.scene(i).pixels());
        }
        assertNotEquals(a.scene(0).digits(), new SceneGenerator(POOL, SceneGenerator.Split.TRAIN, 6).scene(0).digits());
    }

    @Test
    void heldOutPairsNeverAppearInTrainingAndAlwaysInHeldOutScenes() {
        SceneGenerator train = new SceneGenerator(POOL, SceneGenerator.Split.TRAIN, 1), held = new SceneGenerator(POOL, SceneGenerator.Split.HELD_OUT, 1);
        Set<String> trainPairs = new HashSet<>(), digitsSeen = new HashSet<>(), coloursSeen = new HashSet<>();
        for (long i = 0; i < 2000; i++) {
            for (Scene.Placed p : train.scene(i).digits()) {
                assertFalse(SceneGenerator.heldOut(p.digit(), p.colour()), "training scene " + i + " has a held-out pair " + p);
                trainPairs.add(p.colour() + " " + p.digit());
                digitsSeen.add(Integer.toString(p.digit()));
                coloursSeen.add(p.colour().word());
            }
        }
        assertEquals(10, digitsSeen.size(), "every digit is trained on");
        assertEquals(Colour.values().length, coloursSeen.size(), "every colour is trained on");
        assertEquals(30, trainPairs.size(), "all 30 allowed pairs occur in training");
        for (long i = 0; i < 500; i++) {
            assertTrue(held.scene(i).digits().stream().anyMatch(p -> SceneGenerator.heldOut(p.digit(), p.colour())), "held-out scene " + i + " has no unseen pair");
        }
    }

    @Test
    void digitsAreDistinctLeftToRightAndInsideTheCanvas() {
        SceneGenerator g = new SceneGenerator(POOL, SceneGenerator.Split.TRAIN, 2);
        Set<Integer> counts = new HashSet<>();
        for (long i = 0; i < 300; i++) {
            List<Scene.Placed> d = g.scene(i).digits();
            counts.add(d.size());
            for (int j = 0; j < d.size(); j++) {
                Scene.Placed p = d.get(j);
                assertTrue(p.x() >= 0 && p.y() >= 0 && p.x() + p.side() <= SceneGenerator.SIZE && p.y() + p.side() <= SceneGenerator.SIZE, p.toString());
                if (j > 0) assertTrue(d.get(j - 1).x() + d.get(j - 1).side() <= p.x(), "digit " + j + " overlaps the one to its left");
            }
            assertEquals(d.size(), d.stream().map(Scene.Placed::digit).distinct().count());
            assertEquals(d.size(), d.stream().map(Scene.Placed::colour).distinct().count());
        }
        assertEquals(Set.of(1, 2, 3), counts);
    }

    @Test
    void captionsAndQuestionsFollowTheGrammarAndItsVocabulary() {
        Scene s = new Scene(List.of(new Scene.Placed(7, Colour.RED, true, 0, 0, 28), new Scene.Placed(2, Colour.BLUE, false, 30, 10, 14)),
                new float[3 * 56 * 56], 56);
        assertEquals("a large red 7 to the left of a small blue 2", CaptionGrammar.caption(s));
        List<QuestionAnswer> qa = CaptionGrammar.questions(s);
        assertEquals(new QuestionAnswer("how many digits ?", "two"), qa.getFirst());
        assertTrue(qa.contains(new QuestionAnswer("which digit is red ?", "7")));
        assertTrue(qa.contains(new QuestionAnswer("what colour is the 2 ?", "blue")));
        assertTrue(qa.contains(new QuestionAnswer("is the 2 large or small ?", "small")));
        CaptionVocabulary v = new CaptionVocabulary();
        assertEquals(CaptionGrammar.caption(s), v.decode(v.encode(CaptionGrammar.caption(s))));
        TextExample q = TextExample.question(v, new QuestionAnswer("which digit is red ?", "7"));
        // inputs: BOS which digit is red ? 7; the loss only where the next token is the answer or EOS
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1, v.encode("7")[0], CaptionVocabulary.EOS}, q.target());
        assertEquals(CaptionVocabulary.BOS, q.input()[0]);
    }
}
