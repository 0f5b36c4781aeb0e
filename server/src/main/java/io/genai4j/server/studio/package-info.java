/**
 * The web studio: a page served at {@code /} by the same server as the API (chat over
 * {@code /v1/chat/completions} with SSE, the built-in tools, lessons, models), plain JavaScript and
 * CSS shipped in the jar under {@code io/genai4j/server/studio/}, no build step and no CDN. The page
 * and its files are public (they hold no data); every {@code /studio/api} route asks for the API key
 * like the rest of the API.
 */
package io.genai4j.server.studio;
