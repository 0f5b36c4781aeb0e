/**
 * Sentence classification on a frozen BERT encoder: features computed once and cached, trainable heads
 * (linear, MLP, GRU) on top, their training and their safetensors files.
 */
package io.genai4j.models.bert.classify;
