/**
 * The BERT lesson's tour step: sentence embeddings, similarities and an attention grid from a
 * pretrained encoder.
 */
package io.genai4j.course.bert;
