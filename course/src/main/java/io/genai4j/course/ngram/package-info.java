/**
 * The n-gram lesson's tour steps: tokenizers, likelihood, next-word tables and samples with their copy
 * rate, narrated on tiny Shakespeare.
 */
package io.genai4j.course.ngram;
