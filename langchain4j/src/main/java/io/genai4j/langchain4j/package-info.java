/**
 * LangChain4j adapters over genai4j, in-process: {@link io.genai4j.langchain4j.GenaiChatModel} and
 * {@link io.genai4j.langchain4j.GenaiStreamingChatModel} (with partial tool calls) over any genai4j
 * {@link io.genai4j.llm.chat.ChatModel}, and {@link io.genai4j.langchain4j.GenaiEmbeddingModel}
 * over a BERT encoder. Messages, tools, response formats and sampling parameters are mapped in one
 * place; an application built on LangChain4j runs a GGUF model with no server in between.
 */
package io.genai4j.langchain4j;
