package io.genai4j.course.prompting;

/**
 * How one way of prompting did: items answered right out of all, items whose reply held no
 * answer at all (counted wrong), and tokens spent (prompt + completion, every sample counted).
 */
public record PromptScore(String method, int correct, int total, int unanswered, long tokens) {
    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public double tokensPerItem() {
        return total == 0 ? 0 : (double) tokens / total;
    }
}
