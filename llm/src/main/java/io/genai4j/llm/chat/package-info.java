/**
 * Chat rendering: a model's Jinja2 chat template run with Jinjava the way transformers renders it, with
 * limits so a hostile template cannot run away.
 */
package io.genai4j.llm.chat;
