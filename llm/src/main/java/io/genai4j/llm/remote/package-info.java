/**
 * Models behind a network API: {@link io.genai4j.llm.remote.OpenAiChatModel} speaks the OpenAI
 * Chat Completions protocol (streamed), so prompting, RAG and the agent loop written against
 * {@link io.genai4j.llm.chat.ChatModel} run against a remote endpoint as they run locally.
 */
package io.genai4j.llm.remote;
