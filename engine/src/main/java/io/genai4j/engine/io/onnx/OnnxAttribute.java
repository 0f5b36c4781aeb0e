package io.genai4j.engine.io.onnx;

/**
 * A node attribute (AttributeProto). Only the fields BERT-style graphs use are kept: a float, an
 * int, a string, a tensor, and float or int lists; sub-graphs are skipped.
 */
public record OnnxAttribute(String name, float f, long i, String s, OnnxTensor t, float[] floats, long[] ints) {}
