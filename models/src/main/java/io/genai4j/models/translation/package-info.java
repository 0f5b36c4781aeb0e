/**
 * Machine translation as a lesson shared by the RNN seq2seq and the Transformer: the Tatoeba parallel
 * corpus and its deterministic split, normalization, one shared BPE vocabulary, padded batches, the
 * training loop with a CPU-time budget, greedy and beam decoding, checkpoints, and BLEU on held-out
 * pairs, so both models are compared on the same footing.
 */
package io.genai4j.models.translation;
