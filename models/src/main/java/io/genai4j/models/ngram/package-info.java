/**
 * N-gram language models, the course's first lesson: counting every n-gram into a frozen trie, the
 * classic smoothings (add-k, stupid backoff, interpolated modified Kneser-Ney), evaluation in nats and
 * perplexity, sampling, next-token tables, and the saved model file. Every model returns a normalized
 * distribution.
 */
package io.genai4j.models.ngram;
