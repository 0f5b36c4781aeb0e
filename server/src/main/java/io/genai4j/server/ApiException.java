package io.genai4j.server;

/**
 * A request the server refuses, with what the client needs to fix it: the HTTP status, OpenAI's
 * error {@code type} and {@code code}, the request field at fault ({@code param}, null when none)
 * and, for 429, how many seconds to wait before retrying. Never carries a stack trace out.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final int retryAfterSeconds;

    public ApiException(int status, String type, String code, String param, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: a field is missing, of the wrong type, or out of range. */
    public static ApiException invalid(String param, String message) {
        return new ApiException(400, "invalid_request_error", "invalid_value", param, message, 0);
    }

    /** 400: a field this server knows but cannot honour. */
    public static ApiException unsupported(String param, String message) {
        return new ApiException(400, "invalid_request_error", "unsupported_value", param, message, 0);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
