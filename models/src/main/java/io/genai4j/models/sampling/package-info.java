/**
 * Choosing the next token from logits: temperature, top-k, top-p and min-p, and repetition penalties,
 * with a seeded generator so a sampled run is reproducible.
 */
package io.genai4j.models.sampling;
