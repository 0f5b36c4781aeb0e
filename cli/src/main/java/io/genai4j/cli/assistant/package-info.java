/** {@code genai assistant}: training and measuring the tiny tool-calling assistant (io.genai4j.llm.assistant). */
package io.genai4j.cli.assistant;
