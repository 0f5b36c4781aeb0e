/**
 * The GPT lesson's tour step: the shipped char-level GPT samples, scores and shows its attention.
 */
package io.genai4j.course.gpt;
