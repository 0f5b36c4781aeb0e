package io.genai4j.course.tour;

import java.util.Map;

/** What a step reports: a one-line headline for the summary and its figures for {@code --json}. */
public record StepResult(String headline, Map<String, Object> figures) {}
