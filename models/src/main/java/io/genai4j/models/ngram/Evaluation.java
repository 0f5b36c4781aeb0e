package io.genai4j.models.ngram;

/**
 * Cross-entropy of a model on a text. Per token: nats/token and perplexity = e^(nats/token). Per
 * character: total nats / number of characters of the text, the only figure comparable between a
 * word model and a char model (and with the GPT lesson). For word models it is flattering: spaces
 * are not predicted and a {@code <unk>} costs one token however long the word.
 */
public record Evaluation(long tokens, long characters, double totalNats, long unknownTokens) {
    public double natsPerToken() {
        return totalNats / tokens;
    }

    public double perplexity() {
        return Math.exp(natsPerToken());
    }

    public double natsPerChar() {
        return totalNats / characters;
    }

    public double bitsPerChar() {
        return natsPerChar() / Math.log(2);
    }

    /** Evaluates {@code lm} on token ids: each token conditioned on the ones before it in the same text. */
    public static Evaluation of(LanguageModel lm, int[] ids, long characters, long unknownTokens) {
        if (ids.length == 0) throw new IllegalArgumentException("nothing to evaluate: the text has no tokens");
        double nats = 0;
        for (int i = 0; i < ids.length; i++) nats -= lm.logProb(ids, i);
        return new Evaluation(ids.length, characters, nats, unknownTokens);
    }
}
