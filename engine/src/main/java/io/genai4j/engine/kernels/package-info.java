/**
 * The compute kernels on float arrays: the one shared thread pool ({@link io.genai4j.engine.kernels.Parallel}),
 * vectorized loops ({@link io.genai4j.engine.kernels.VecMath}, norm rows, AdamW's update), strided
 * walks, and GEMM behind one interface ({@link io.genai4j.engine.kernels.Gemm}: the pure-Java
 * cache-blocked kernel, or OpenBLAS through FFM, chosen by {@link io.genai4j.engine.kernels.GemmBackends}).
 * Kernels see arrays, offsets and lengths, never tensors. With {@code engine.quant} (and the decoder
 * runtime {@code engine.infer}) this is where the Vector API may be used ({@code VectorApiConfinementTest}).
 */
package io.genai4j.engine.kernels;
