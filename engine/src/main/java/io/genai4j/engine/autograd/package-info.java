/**
 * Reverse-mode differentiation: the tape ({@link io.genai4j.engine.autograd.Node}, one per recorded
 * op, with its {@link io.genai4j.engine.autograd.Backward} rule), the walk that turns dL/d(output)
 * into gradients of every input that requires one, and {@link io.genai4j.engine.autograd.Grad}, the
 * per-thread switch that turns recording off for inference. Ops create nodes; this package never
 * knows what an op computes.
 */
package io.genai4j.engine.autograd;
