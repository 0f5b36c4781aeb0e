/**
 * Scores computed on text: corpus BLEU as sacreBLEU computes it by default, with its 13a tokenizer.
 * Pure functions of hypotheses and references.
 */
package io.genai4j.text.metrics;
