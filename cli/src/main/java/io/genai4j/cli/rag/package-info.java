/**
 * {@code genai rag index|ask|eval}: build a Lucene index of a folder with our BERT encoders, ask it
 * questions (answers cite numbered sources), and measure retrieval on SQuAD v1.1 dev.
 */
package io.genai4j.cli.rag;
