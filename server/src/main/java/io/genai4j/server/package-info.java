/**
 * The OpenAI-compatible HTTP server: {@code /v1/chat/completions} and {@code /v1/completions} (JSON
 * or server-sent events), {@code /v1/embeddings}, {@code /v1/models}, llama-server's
 * {@code /tokenize}, {@code /detokenize} and {@code /apply-template}, and the fleet's endpoints
 * ({@code /health} for readiness, {@code /live}, {@code /metrics} in Prometheus text). Requests are
 * read field by field (a refusal names its field), run through a bounded queue onto a
 * {@link io.genai4j.llm.chat.ChatModel}, and answered in OpenAI's shapes; replicas keep no state
 * between requests, so any number of them can stand behind a load balancer.
 */
package io.genai4j.server;
