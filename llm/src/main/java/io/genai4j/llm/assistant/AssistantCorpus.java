package io.genai4j.llm.assistant;

import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRenderer;
import io.genai4j.llm.chat.ToolSpec;
import io.genai4j.text.prim.IntArrayBuilder;
import io.genai4j.text.vocab.LlmTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversations as one token stream for training, each token marked whether it is learned: only
 * the assistant's turns are (its calls, its answers and their {@code <|im_end|>}); the system
 * turn, the questions and the tool results are context. Each conversation is rendered by the
 * model's own template, one assistant turn at a time (the prompt up to the turn, then the turn),
 * exactly as the chat model renders a prompt before generating.
 */
public final class AssistantCorpus {
    private final int[] tokens;
    private final boolean[] learned;
    private final int[] starts;

    private AssistantCorpus(int[] tokens, boolean[] learned, int[] starts) {
        this.tokens = tokens;
        this.learned = learned;
        this.starts = starts;
    }

    public static AssistantCorpus of(List<AssistantData.Sample> samples, ChatRenderer renderer, LlmTokenizer tokenizer, List<ToolSpec> tools) {
        IntArrayBuilder ids = new IntArrayBuilder();
        List<Boolean> mask = new ArrayList<>();
        int[] starts = new int[samples.size()];
        int n = 0;
        for (AssistantData.Sample s : samples) {
            starts[n++] = ids.size();
            List<ChatMessage> conv = s.conversation();
            String done = "";
            for (int i = 0; i < conv.size(); i++) {
                if (!conv.get(i).role().equals("assistant")) continue;
                String prompt = renderer.render(conv.subList(0, i), tools, true);
                String turn = renderer.render(conv.subList(0, i + 1), tools, false);
                if (!prompt.startsWith(done) || !turn.startsWith(prompt)) throw new IllegalStateException("the template does not render a conversation incrementally");
                add(ids, mask, tokenizer.encode(prompt.substring(done.length()), false, true), false);
                add(ids, mask, tokenizer.encode(turn.substring(prompt.length()), false, true), true);
                done = turn;
            }
        }
        boolean[] learned = new boolean[mask.size()];
        for (int i = 0; i < learned.length; i++) learned[i] = mask.get(i);
        return new AssistantCorpus(ids.toArray(), learned, starts);
    }

    private static void add(IntArrayBuilder ids, List<Boolean> mask, int[] piece, boolean learn) {
        for (int id : piece) {
            ids.add(id);
            mask.add(learn);
        }
    }

    public int size() {
        return tokens.length;
    }

    public int conversations() {
        return starts.length;
    }

    /** Where conversation i starts in the stream. */
    public int start(int i) {
        return starts[i];
    }

    /**
     * A window of {@code length} inputs from position {@code from} (wrapping at the end) and its
     * targets: the next token where it is learned, {@code ignore} elsewhere.
     */
    public int[][] window(int from, int length, int ignore) {
        int[] in = new int[length], target = new int[length];
        for (int i = 0; i < length; i++) {
            int p = (from + i) % tokens.length, q = (from + i + 1) % tokens.length;
            in[i] = tokens[p];
            target[i] = learned[q] ? tokens[q] : ignore;
        }
        return new int[][] {in, target};
    }
}
