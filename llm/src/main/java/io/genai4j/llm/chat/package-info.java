/**
 * Chat: messages, tools and requests as the Chat Completions API has them; the {@link
 * io.genai4j.llm.chat.ChatModel} interface that prompting, RAG, agents and the server are written
 * against; a model's Jinja2 chat template run with Jinjava the way transformers renders it (with
 * limits so a hostile template cannot run away); and the local model, whose sessions keep the KV
 * cache of a conversation's earlier turns.
 */
package io.genai4j.llm.chat;
