package io.genai4j.engine.io.onnx;

import java.util.List;
import java.util.Map;

/**
 * One NodeProto of the graph: an operator (op_type, e.g. MatMul, Add, Erf) reading the named
 * values in {@code inputs} and producing {@code outputs}. Attributes keep their scalar and list
 * values; tensor attributes (a Constant's value) are kept as tensors.
 */
public record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                       Map<String, OnnxAttribute> attributes) {

    /** An attribute by name, or null. */
    public OnnxAttribute attribute(String name) {
        return attributes.get(name);
    }
}
