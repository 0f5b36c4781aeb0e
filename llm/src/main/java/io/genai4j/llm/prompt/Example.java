package io.genai4j.llm.prompt;

/** One demonstration for few-shot prompting: an input and the answer the model should give to it. */
public record Example(String input, String output) {
    public Example {
        if (input == null || output == null) throw new IllegalArgumentException("an example needs an input and an output");
    }
}
