package io.genai4j.models.captioner;

/**
 * GIT's one attention mask over the sequence [image tokens (n); text tokens]: image tokens attend
 * to each other in both directions and never to text, text tokens attend to every image token and
 * causally to text (Wang et al. 2022, Fig. 2 / §2.1: "the text token can only depend on the
 * preceding tokens and all image tokens, and image tokens can attend to each other").
 */
public final class GitMask {
    private GitMask() {}

    /** May position {@code query} attend to position {@code key} when the first {@code imageTokens} positions are the image? */
    public static boolean allowed(int query, int key, int imageTokens) {
        return query < imageTokens ? key < imageTokens : key <= query;
    }
}
