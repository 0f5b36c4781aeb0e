/**
 * Prompting as a measurable technique: templates with variables ({@link io.genai4j.llm.prompt.PromptTemplate}),
 * a system prompt with few-shot examples chosen fixed, at random or nearest by embedding
 * ({@link io.genai4j.llm.prompt.ExampleSelector}, {@link io.genai4j.llm.prompt.FewShotPrompt}),
 * chain-of-thought with answer extraction ({@link io.genai4j.llm.prompt.AnswerExtractor}),
 * self-consistency by majority vote over k samples ({@link io.genai4j.llm.prompt.SelfConsistency}), and
 * answers parsed into records under the grammar engine ({@link io.genai4j.llm.prompt.RecordOutput}).
 * Everything runs against {@link io.genai4j.llm.chat.ChatModel}, so the local engine and a remote
 * OpenAI-compatible endpoint are prompted the same way.
 */
package io.genai4j.llm.prompt;
