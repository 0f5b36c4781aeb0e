package io.genai4j.llm.prompt;

/**
 * The two ways of asking a question with one numeric answer: directly (the answer only) or with
 * chain-of-thought (reason step by step, then a closing line the {@link AnswerExtractor#number()}
 * extractor finds first). Wei et al. 2022 show the second helps large models on multi-step arithmetic.
 */
public final class ChainOfThought {
    /** Appended to a question to ask for the answer alone. */
    public static final String DIRECT = "Reply with the final number only.";
    /** Appended to a question to ask for reasoning first. */
    public static final String STEP_BY_STEP = "Let's think step by step. End with the line \"The answer is N.\" where N is the final number.";

    private ChainOfThought() {}

    public static String direct(String question) {
        return question.strip() + "\n" + DIRECT;
    }

    public static String stepByStep(String question) {
        return question.strip() + "\n" + STEP_BY_STEP;
    }
}
