/**
 * The LoRA lesson's comparison: full fine-tuning against adapters of several ranks and targets on
 * the style task (the shipped Shakespeare GPT moved to a new corpus), each with the same optimizer
 * and token budget — quality on the new text, forgetting of Shakespeare, trainable parameters,
 * training-state memory and time — as rows, a text table and a chart. The training itself is
 * {@code io.genai4j.llm.lora}'s task on the shared loop; this package runs the lesson and draws it.
 */
package io.genai4j.course.lora;
