package io.genai4j.course.ladder;

/**
 * One rung's measurements. {@code size} is in {@code sizeUnit}: "n-grams" for count tables,
 * "parameters" for neural models, so the table says what is being compared.
 */
public record LadderResult(String name, String family, int rank, long size, String sizeUnit,
                           double valNatsPerChar, String sample, double seconds) {
    public double bitsPerChar() {
        return valNatsPerChar / Math.log(2);
    }
}
