package io.genai4j.models.captioner;

/** A question about a scene and its one-word answer, as words separated by spaces. */
public record QuestionAnswer(String question, String answer) {}
