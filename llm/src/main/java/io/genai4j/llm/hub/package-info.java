/**
 * Downloading models from the Hugging Face hub (or any endpoint speaking its API): listings, resumable
 * {@code .part} downloads, stall timeouts, size and SHA-256 checks, and file names checked before they
 * become paths. Credentials stay in {@link io.genai4j.llm.hub.HubEndpoint} and never reach a message.
 */
package io.genai4j.llm.hub;
