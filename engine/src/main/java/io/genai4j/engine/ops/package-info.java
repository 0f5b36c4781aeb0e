/**
 * The differentiable operations on tensors, each with its backward rule: elementwise math with
 * broadcasting, reductions, softmax, matmul, the fused affine layer, attention, norms, losses, views,
 * indexing, joins, masks, and {@link io.genai4j.engine.ops.F}, the functional vocabulary models call.
 * An op checks shapes, allocates its result, splits work over the kernels and records an autograd
 * node; the inner loops are in {@code engine.kernels} and {@code engine.quant}.
 */
package io.genai4j.engine.ops;
