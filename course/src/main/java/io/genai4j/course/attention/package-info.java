/**
 * Attention weights as pictures: the layer × head grid of heatmaps of an
 * {@link io.genai4j.models.attention.AttentionMaps} that a model computed.
 */
package io.genai4j.course.attention;
