package io.genai4j.course.prompting;

/**
 * How one way of prompting did: items answered right out of all, items whose reply held no
 * answer at all, items whose prompt did not fit the model's context (both counted wrong: a small
 * model's context is part of what is measured), and tokens spent (prompt + completion, every sample
 * counted; none for a prompt that did not fit).
 */
public record PromptScore(String method, int correct, int total, int unanswered, int tooLong, long tokens) {
    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public double tokensPerItem() {
        return total == 0 ? 0 : (double) tokens / total;
    }
}
