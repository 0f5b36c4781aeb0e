package io.genai4j.course.prompting;

import io.genai4j.engine.util.Printable;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.PromptTooLongException;
import io.genai4j.llm.prompt.AnswerExtractor;
import io.genai4j.llm.prompt.Example;
import io.genai4j.llm.prompt.ExampleSelector;
import io.genai4j.llm.prompt.FewShotPrompt;
import io.genai4j.llm.prompt.PromptTemplate;
import io.genai4j.llm.prompt.Reply;
import io.genai4j.models.bert.Sst2;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The classification project: SST-2 sentences labelled positive or negative by prompting a chat
 * model, zero-shot or with k demonstrations from the training set chosen fixed, at random or
 * nearest by a sentence embedding. The reply is read as the first of "positive"/"negative" it
 * names; a reply naming neither is wrong (and counted as unanswered), and so is a sentence whose
 * prompt does not fit the model's context (counted as too long).
 */
public final class Sst2Prompting {
    public static final String SYSTEM = "Classify the sentiment of a movie review sentence. Reply with one word: positive or negative.";
    public static final PromptTemplate INPUT = PromptTemplate.of("Sentence: {sentence}\nSentiment:");
    static final List<String> LABELS = List.of("negative", "positive");   // index = SST-2 label

    public enum Selection {
        FIXED, RANDOM, NEAREST;

        public static Selection parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown selection " + Printable.of(s) + " (fixed, random or nearest)");
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Sst2Prompting() {}

    /**
     * Demonstrations from the training set: whole sentences (SST-2's train split is mostly phrases;
     * at least {@code minWords} words), alternating negative and positive so that any first k are
     * balanced, {@code size} in all, in file order.
     */
    public static List<Example> pool(Sst2 train, int size, int minWords) {
        List<Example> out = new ArrayList<>();
        int want = 0;   // the label the next demonstration must have
        for (int i = 0; i < train.size() && out.size() < size; i++) {
            String s = train.sentences().get(i);
            if (train.labels()[i] != want || s.split("\\s+").length < minWords) continue;
            out.add(new Example(s, LABELS.get(want)));
            want = 1 - want;
        }
        if (out.size() < size) throw new IllegalArgumentException("the training set has only " + out.size() + " usable demonstrations, " + size + " asked");
        return List.copyOf(out);
    }

    /** The selector of a way of choosing, over the pool ({@code embed} only for nearest). */
    public static ExampleSelector selector(Selection how, List<Example> pool, long seed, Function<String, float[]> embed) {
        return switch (how) {
            case FIXED -> ExampleSelector.fixed(pool);
            case RANDOM -> ExampleSelector.random(pool, seed);
            case NEAREST -> ExampleSelector.nearest(pool, embed);
        };
    }

    /** Accuracy on the first {@code limit} sentences of {@code test}, asked greedily with {@code maxTokens}. */
    public static PromptScore run(ChatModel model, Sst2 test, int limit, FewShotPrompt prompt, String method, int maxTokens, IntConsumer progress) {
        AnswerExtractor label = AnswerExtractor.label(LABELS);
        int n = Math.min(limit, test.size()), correct = 0, unanswered = 0, tooLong = 0;
        long tokens = 0;
        for (int i = 0; i < n; i++) {
            Reply r;
            try {
                r = Reply.ask(model, prompt.messages(test.sentences().get(i)), GenerationOptions.greedy(maxTokens), label);
            } catch (PromptTooLongException e) {
                tooLong++;
                progress.accept(1);
                continue;
            }
            tokens += r.tokens();
            if (r.answer().isEmpty()) unanswered++;
            else if (r.answer().get().equals(LABELS.get(test.labels()[i]))) correct++;
            progress.accept(1);
        }
        return new PromptScore(method, correct, n, unanswered, tooLong, tokens);
    }
}
