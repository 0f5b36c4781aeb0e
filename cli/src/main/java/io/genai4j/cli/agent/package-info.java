/** {@code genai agent}: a model answering with tools through the agent loop (io.genai4j.llm.agent), its trace printed. */
package io.genai4j.cli.agent;
