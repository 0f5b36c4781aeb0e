package io.genai4j.llm.prompt;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Self-consistency (Wang et al. 2022): sample k reasoning paths and answer with the most frequent
 * extracted answer. Sample i uses seed {@code options.seed() + i}, so the k paths differ and a rerun
 * repeats them; the temperature must be above zero or all k paths would be the same greedy one.
 * A tie goes to the answer reached first; samples without an answer do not vote.
 */
public final class SelfConsistency {
    private SelfConsistency() {}

    /** The vote: the winning answer (empty when no sample had one), the count of each answer, and every sample. */
    public record Vote(Optional<String> answer, Map<String, Integer> counts, List<Reply> samples) {
        public int tokens() {
            return samples.stream().mapToInt(Reply::tokens).sum();
        }
    }

    public static Vote vote(ChatModel model, List<ChatMessage> messages, GenerationOptions options, int k, AnswerExtractor extractor) {
        if (k < 1) throw new IllegalArgumentException("self-consistency needs k >= 1 samples, got " + k);
        if (options.temperature() <= 0) throw new IllegalArgumentException("self-consistency samples: the temperature must be > 0, got " + options.temperature());
        List<Reply> samples = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            Reply r = Reply.ask(model, messages, options.withSeed(options.seed() + i), extractor);
            samples.add(r);
            r.answer().ifPresent(a -> counts.merge(a, 1, Integer::sum));
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
        return new Vote(Optional.ofNullable(best), Map.copyOf(counts), List.copyOf(samples));
    }
}
