package io.genai4j.text.vocab;

/**
 * What a vocabulary entry is, as GGUF's {@code tokenizer.ggml.token_type} numbers it (llama.cpp's
 * llama_token_type). Control tokens ({@code <s>}, {@code <|eot_id|>}) are matched in text only when
 * special tokens are parsed; user-defined ones always are; byte tokens {@code <0x0A>} are
 * SentencePiece's byte fallback.
 */
public enum TokenType {
    UNDEFINED, NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE;

    public static TokenType of(int code) {
        return code >= 0 && code < values().length ? values()[code] : UNDEFINED;
    }

    public int code() {
        return ordinal();
    }

    /** Matched as a whole in raw text before the model's tokenizer runs (llama.cpp's special cache). */
    public boolean isSpecial() {
        return this == CONTROL || this == USER_DEFINED || this == UNKNOWN;
    }
}
