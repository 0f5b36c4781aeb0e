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
 *
 * <p>Text is split as Llama 3 splits it ({@code llama-bpe}): numbers are pieces of their own, never
 * joined to the space before them. With GPT-2's split the 12 of "What is 12 * 7?" is the token
 * " 12" but the 12 of {@code "12 * 7"} is "12": the model would have to learn a mapping per number
 * instead of copying a token, and the first model trained that way called the calculator with the
 * right tool and the wrong numbers. The trainer splits with GPT-2's rule, so it is given the text
 * with a newline instead of the space before each number (a newline never joins a number there either).
 */
public final class AssistantVocabulary {
    public static final String BOS = "<|endoftext|>", IM_START = "<|im_start|>", IM_END = "<|im_end|>";

    /** Llama 3's pre-tokenizer (llama.cpp's name for it). */
    public static final String PRE = "llama-bpe";

    private AssistantVocabulary() {}

    public static Vocabulary train(String text, int size) {
        ByteLevelBpe bpe = BpeTrainer.train(text.replaceAll(" (?=\\p{N})", "\n"), size, List.of(BOS, IM_START, IM_END));
        Vocabulary v = GgufExport.vocabulary(bpe, size);
        int bos = bpe.idOf(BOS), end = bpe.idOf(IM_END);
        return new Vocabulary(v.model(), PRE, v.tokens(), v.scores(), v.types(), v.merges(), bos, end, -1, -1, end, Set.of(bos, end),
                false, false, false, "genai4j-tiny-assistant");
    }
}
