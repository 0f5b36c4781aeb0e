/**
 * The parts of ONNX (ModelProto, GraphProto, NodeProto, TensorProto) that loading a BERT-style model
 * needs, decoded from protobuf wire format without a protobuf library: the graph and its initializers
 * (weights), raw data kept as slices of the memory-mapped file. It reads models; it does not run them.
 */
package io.genai4j.engine.io.onnx;
