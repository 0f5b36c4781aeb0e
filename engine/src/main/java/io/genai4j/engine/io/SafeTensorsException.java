package io.genai4j.engine.io;

/**
 * A malformed safetensors file. The message always starts with the file (or other source) name,
 * then says what is wrong in terms a user can act on ("header length ...", "tensor 'w': ...").
 *
 * <p>It extends IllegalArgumentException because a bad file is bad input to {@code open}; callers
 * that want to tell "this file is broken" from other argument errors can catch this type.
 */
public final class SafeTensorsException extends IllegalArgumentException {

    private final String source;
    private final String problem;

    public SafeTensorsException(String source, String problem) {
        this(source, problem, null);
    }

    public SafeTensorsException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file or other source the problem was found in. */
    public String source() {
        return source;
    }

    /** The problem alone, without the source prefix. */
    public String problem() {
        return problem;
    }
}
