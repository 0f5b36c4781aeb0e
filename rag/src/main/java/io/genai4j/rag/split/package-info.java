/**
 * Documents into chunks measured in the embedding model's own word pieces: whole paragraphs while
 * they fit, then sentences, then runs of words, never across a heading; consecutive chunks of a
 * section overlap by their last sentences. Each {@link io.genai4j.rag.split.Chunk} keeps its source,
 * title, heading trail and position.
 */
package io.genai4j.rag.split;
