/**
 * The prompting lesson's two measured projects: SST-2 sentiment by prompting (zero-shot, k-shot
 * with fixed, random or nearest examples; {@link io.genai4j.course.prompting.Sst2Prompting}) and
 * generated multi-step arithmetic word problems with known answers (direct, chain-of-thought,
 * self-consistency; {@link io.genai4j.course.prompting.WordProblems},
 * {@link io.genai4j.course.prompting.ArithmeticPrompting}). Each returns
 * {@link io.genai4j.course.prompting.PromptScore}s; the CLI prints them and
 * {@link io.genai4j.course.prompting.PromptingChart} draws them.
 */
package io.genai4j.course.prompting;
