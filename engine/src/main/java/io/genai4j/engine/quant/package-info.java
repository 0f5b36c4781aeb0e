/**
 * Weights kept in their storage format and the kernels that read them: F32/F16/BF16 and ggml's block
 * quantizations (Q4_0, Q8_0, the k-quants, ...) decoded by {@link io.genai4j.engine.quant.BlockCodec},
 * {@link io.genai4j.engine.quant.WeightMatrix} over a (memory-mapped) segment, one
 * {@link io.genai4j.engine.quant.RowKernel} per format for dot products and row decoding, and
 * {@link io.genai4j.engine.quant.QuantMatMul} / {@link io.genai4j.engine.quant.MatVec}, the layer of
 * every LLM. Also the number formats themselves (half floats, any dtype to float). A kernel package:
 * the Vector API is allowed here.
 */
package io.genai4j.engine.quant;
