/**
 * Tool calls in the formats models write them (Hermes / Qwen 2.5 {@code <tool_call>}, Mistral
 * {@code [TOOL_CALLS]}, Llama 3.1 JSON, and a generic JSON prompt for templates without tools),
 * the format told apart by the chat template's text, and a streaming parser that turns an answer
 * into text and calls as it is generated, the calls' arguments in fragments as they are written.
 */
package io.genai4j.llm.tools;
