/**
 * The transformer lesson's tour step: the shipped English → French model translates and shows
 * its cross-attention.
 */
package io.genai4j.course.transformer;
