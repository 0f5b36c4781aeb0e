/**
 * The tensor core: {@link io.genai4j.engine.Tensor} (a shape, strides and an offset into a
 * {@link io.genai4j.engine.Storage}), {@link io.genai4j.engine.DType}, shape arithmetic and the seeded
 * {@link io.genai4j.engine.Rng}. A tensor computes in F32 on heap arrays; other dtypes are storage
 * formats that weights come in. Tensor methods are the ops of {@code engine.ops} and record
 * {@code engine.autograd} nodes, so these three packages (and {@code engine.quant}, which matmul
 * dispatches to by dtype) form the one import cycle the engine keeps on purpose: the tensor, its ops
 * and its tape are one concept, as in PyTorch. Nothing here prints, draws or touches files.
 */
package io.genai4j.engine;
