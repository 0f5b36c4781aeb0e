package io.genai4j.engine.io.gguf;

/**
 * A malformed GGUF file. The message starts with the file name and names the field that is wrong
 * ("tensor 'blk.0.attn_q.weight': offset ..."), so a user can tell a truncated download from a bad
 * converter. An IllegalArgumentException: a bad file is bad input.
 */
public final class GgufException extends IllegalArgumentException {
    public GgufException(String source, String problem) {
        super(source + ": " + problem);
    }
}
