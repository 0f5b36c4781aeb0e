package io.genai4j.llm.assistant;

import io.genai4j.models.gpt.GgufExport;
import io.genai4j.text.bpe.BpeTrainer;
import io.genai4j.text.bpe.ByteLevelBpe;
import io.genai4j.text.vocab.Vocabulary;
import java.util.List;
import java.util.Set;

/**
 * The assistant's own byte-level BPE, learned from its conversations ({@link BpeTrainer}), as a
 * GGUF vocabulary: ChatML's {@code <|im_start|>} and {@code <|im_end|>} are control tokens and
 * {@code <|im_end|>} ends generation (a turn ends there), {@code <|endoftext|>} begins a text.
 */
public final class AssistantVocabulary {
    public static final String BOS = "<|endoftext|>", IM_START = "<|im_start|>", IM_END = "<|im_end|>";

    private AssistantVocabulary() {}

    public static Vocabulary train(String text, int size) {
        ByteLevelBpe bpe = BpeTrainer.train(text, size, List.of(BOS, IM_START, IM_END));
        Vocabulary v = GgufExport.vocabulary(bpe, size);
        int bos = bpe.idOf(BOS), end = bpe.idOf(IM_END);
        return new Vocabulary(v.model(), v.pre(), v.tokens(), v.scores(), v.types(), v.merges(), bos, end, -1, -1, end, Set.of(bos, end),
                false, false, false, "genai4j-tiny-assistant");
    }
}
