package io.genai4j.rag.answer;

import io.genai4j.rag.index.Hit;
import java.util.List;

/**
 * An answer with the numbered sources it was built from and its checked citations.
 *
 * @param text      the answer, citing sources as [n]
 * @param sources   the retrieved chunks; source n is sources.get(n - 1)
 * @param citations what the text cites, checked against the sources
 * @param method    "extractive", or the generator's name
 */
public record Answer(String text, List<Hit> sources, Citations citations, String method) {}
