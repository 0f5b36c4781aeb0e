package io.genai4j.engine.io.onnx;

/** A malformed or unsupported ONNX file; the message names the problem and where it is. */
public final class OnnxException extends IllegalArgumentException {
    public OnnxException(String message) {
        super(message);
    }
}
