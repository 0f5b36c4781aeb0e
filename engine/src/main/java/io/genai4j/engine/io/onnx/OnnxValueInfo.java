package io.genai4j.engine.io.onnx;

import java.util.List;

/**
 * A graph input or output (ValueInfoProto): its name, element type and dims. A dimension is either
 * a number or a symbolic name such as "batch" (then its value here is -1 and dimNames holds it).
 */
public record OnnxValueInfo(String name, int elemType, long[] dims, List<String> dimNames) {}
