/**
 * {@code genai bench ...}: speed measurements with {@code --json} (matmul, LLM prompt processing
 * and generation, n-grams, BPE, BERT) and the peers they are timed against in the same process or
 * beside it (ONNX Runtime, numpy through {@code bench/peers}). The module sits above the CLI and
 * joins it through {@code cli.ExtraCommand}, so the peers are on the class path of {@code genai
 * bench} only.
 */
package io.genai4j.bench;
