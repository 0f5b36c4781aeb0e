package io.genai4j.course.prompting;

/** A multi-step arithmetic word problem and its answer, known because the problem was generated from it. */
public record WordProblem(String question, long answer, int steps) {}
