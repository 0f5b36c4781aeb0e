/** {@code genai serve}: options, model loading and the process lifecycle of the OpenAI-compatible server (the server itself is the server module). */
package io.genai4j.cli.serve;
