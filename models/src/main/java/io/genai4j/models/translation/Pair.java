package io.genai4j.models.translation;

/** One sentence and its translation, both normalized. */
public record Pair(String source, String target) {}
