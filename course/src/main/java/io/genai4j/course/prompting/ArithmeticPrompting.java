package io.genai4j.course.prompting;

import io.genai4j.engine.util.Printable;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.PromptTooLongException;
import io.genai4j.llm.prompt.AnswerExtractor;
import io.genai4j.llm.prompt.ChainOfThought;
import io.genai4j.llm.prompt.Reply;
import io.genai4j.llm.prompt.SelfConsistency;
import io.genai4j.models.sampling.Penalties;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The reasoning project: word problems asked three ways. Direct asks for the number alone (greedy,
 * a few tokens); chain-of-thought asks for steps then "The answer is N" (greedy); self-consistency
 * samples k chain-of-thought paths at a temperature and votes. Right means the extracted number
 * equals the known answer; tokens count every sample, so the cost of each way is on the same scale.
 */
public final class ArithmeticPrompting {
    public static final String SYSTEM = "You solve arithmetic word problems carefully.";

    public enum Mode {
        DIRECT("direct"), COT("cot"), SELF_CONSISTENCY("self-consistency");

        public final String label;

        Mode(String label) {
            this.label = label;
        }

        public static Mode parse(String s) {
            for (Mode m : values()) if (m.label.equals(s.strip().toLowerCase(Locale.ROOT))) return m;
            throw new IllegalArgumentException("unknown mode " + Printable.of(s) + " (direct, cot or self-consistency)");
        }
    }

    /** Token budgets, the self-consistency sample count and its sampling (temperature, seed). */
    public record Settings(int directTokens, int reasoningTokens, int k, float temperature, long seed) {
        public Settings {
            if (directTokens < 1 || reasoningTokens < 1) throw new IllegalArgumentException("token budgets must be >= 1");
            if (k < 1) throw new IllegalArgumentException("--k must be >= 1, got " + k);
        }
    }

    private ArithmeticPrompting() {}

    public static PromptScore run(ChatModel model, List<WordProblem> problems, Mode mode, Settings s, IntConsumer progress) {
        int correct = 0, unanswered = 0, tooLong = 0;
        long tokens = 0;
        for (WordProblem p : problems) {
            try {
                Reply r = ask(model, p, mode, s);
                tokens += r.tokens();
                if (r.answer().isEmpty()) unanswered++;
                else if (r.answer().get().equals(Long.toString(p.answer()))) correct++;
            } catch (PromptTooLongException e) {
                tooLong++;
            }
            progress.accept(1);
        }
        String method = mode == Mode.SELF_CONSISTENCY ? mode.label + " k=" + s.k() : mode.label;
        return new PromptScore(method, correct, problems.size(), unanswered, tooLong, tokens);
    }

    /** One problem asked one way; for self-consistency the reply is the vote (its text the winning answer, its tokens every sample's). */
    private static Reply ask(ChatModel model, WordProblem p, Mode mode, Settings s) {
        AnswerExtractor number = AnswerExtractor.number();
        return switch (mode) {
            case DIRECT -> Reply.ask(model, messages(ChainOfThought.direct(p.question())), GenerationOptions.greedy(s.directTokens()), number);
            case COT -> Reply.ask(model, messages(ChainOfThought.stepByStep(p.question())), GenerationOptions.greedy(s.reasoningTokens()), number);
            case SELF_CONSISTENCY -> {
                GenerationOptions sampled = new GenerationOptions(s.reasoningTokens(), s.temperature(), 0, 0.95f, 0f, Penalties.NONE, s.seed(), List.of(), true);
                SelfConsistency.Vote v = SelfConsistency.vote(model, messages(ChainOfThought.stepByStep(p.question())), sampled, s.k(), number);
                yield new Reply(v.answer().orElse(""), v.answer(), v.tokens());
            }
        };
    }

    private static List<ChatMessage> messages(String question) {
        return List.of(ChatMessage.system(SYSTEM), ChatMessage.user(question));
    }
}
