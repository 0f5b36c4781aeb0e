package io.genai4j.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.models.sampling.Penalties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelfConsistencyTest {
    static final GenerationOptions SAMPLED = new GenerationOptions(64, 0.7f, 0, 1f, 0f, Penalties.NONE, 100, List.of(), true);
    static final List<ChatMessage> ASK = List.of(ChatMessage.user(ChainOfThought.stepByStep("2+2?")));

    /** The fake's answer depends on the seed the way sampling would: seeds 100..104 say 4, 5, 4, nothing, 5. */
    static final FakeChatModel MODEL = new FakeChatModel(r -> switch ((int) r.options().seed()) {
        case 100, 102 -> "2+2 is 4. The answer is 4.";
        case 101, 104 -> "The answer is 5.";
        default -> "hmm";
    });

    @Test
    void theMajorityAnswerWinsEachSampleWithItsOwnSeedAndTokensAddUp() {
        SelfConsistency.Vote v = SelfConsistency.vote(MODEL, ASK, SAMPLED, 4, AnswerExtractor.number());
        assertEquals(Optional.of("4"), v.answer());
        assertEquals(Map.of("4", 2, "5", 1), v.counts());
        assertEquals(4, v.samples().size());
        int expected = 4 * ASK.size() + v.samples().stream().mapToInt(s -> s.text().length()).sum();
        assertEquals(expected, v.tokens());
    }

    @Test
    void aTieGoesToTheAnswerReachedFirst() {
        SelfConsistency.Vote v = SelfConsistency.vote(MODEL, ASK, SAMPLED, 5, AnswerExtractor.number());
        assertEquals(Map.of("4", 2, "5", 2), v.counts());
        assertEquals(Optional.of("4"), v.answer());
    }

    @Test
    void greedySamplingOrNoSamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SelfConsistency.vote(MODEL, ASK, GenerationOptions.greedy(8), 5, AnswerExtractor.number()));
        assertThrows(IllegalArgumentException.class, () -> SelfConsistency.vote(MODEL, ASK, SAMPLED, 0, AnswerExtractor.number()));
    }

    @Test
    void noAnswerAnywhereIsAnEmptyVote() {
        FakeChatModel silent = new FakeChatModel(r -> "no idea");
        assertEquals(Optional.empty(), SelfConsistency.vote(silent, ASK, SAMPLED, 3, AnswerExtractor.number()).answer());
    }
}
