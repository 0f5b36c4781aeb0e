package io.genai4j.models.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A word's role in the map's pairs, which the course's picture colours by. */
class WordMapTest {
    @Test
    void wordsThatStartAnArrowEndOneOrStandAloneAreTold() {
        double[][] xy = new double[5][2];
        WordMap map = new WordMap(List.of("man", "woman", "king", "queen", "throne"), xy, List.of(new int[] {0, 1}, new int[] {2, 3}));
        assertEquals(List.of(WordMap.Role.FROM, WordMap.Role.TO, WordMap.Role.FROM, WordMap.Role.TO, WordMap.Role.ALONE),
                List.of(map.role(0), map.role(1), map.role(2), map.role(3), map.role(4)));
    }

    @Test
    void theFirstArrowThatTouchesAWordDecides() {
        // "woman" ends man → woman and starts woman → queen: as before the move, the first pair wins.
        WordMap map = new WordMap(List.of("man", "woman", "queen"), new double[3][2], List.of(new int[] {0, 1}, new int[] {1, 2}));
        assertEquals(WordMap.Role.TO, map.role(1));
    }
}
