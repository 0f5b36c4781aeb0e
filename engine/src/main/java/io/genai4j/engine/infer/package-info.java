/**
 * The decoder runtime: the inference path of every decoder that can describe itself as a
 * {@link io.genai4j.engine.infer.DecoderPlan} (per layer: norms, fused matrix groups Q|K|V and
 * gate|up, the rope table). {@link io.genai4j.engine.infer.DecoderRuntime} runs a plan and holds
 * nothing per request; a {@link io.genai4j.engine.infer.Session} owns one conversation's
 * {@link io.genai4j.engine.infer.KvCache} and buffers, so N sessions on one loaded model run at once
 * from N threads, each giving the tokens it would give alone. A runtime may add unmerged LoRA side
 * paths to a plan's groups ({@link io.genai4j.engine.infer.PlanAdapters}), so one loaded base serves
 * runtimes with different adapters. Models build plans from their module
 * trees (the reference path, which tests compare against); this package knows no model. The Vector
 * API and the kernel pool may be used here, as in the kernel packages.
 */
package io.genai4j.engine.infer;
