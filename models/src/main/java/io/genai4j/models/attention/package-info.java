/**
 * Attention weights as data: {@link io.genai4j.models.attention.AttentionMaps}, every layer's and
 * head's weights for one text, which BERT, GPT and the translators return and the course draws.
 * Nothing here draws or prints.
 */
package io.genai4j.models.attention;
