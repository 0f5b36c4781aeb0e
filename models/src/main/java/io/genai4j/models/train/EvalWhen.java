package io.genai4j.models.train;

/**
 * The evaluation cadence: whether to evaluate after {@code done} updates; {@code last} says the run
 * stops there (step limit or CPU budget reached). Evaluations are outside the CPU budget.
 */
@FunctionalInterface
public interface EvalWhen {
    EvalWhen NEVER = (done, last) -> false;

    boolean at(int done, boolean last);

    /** Every n updates and at the end, never before the first update (translation, heads per epoch). */
    static EvalWhen every(int n) {
        return (done, last) -> done > 0 && (done % n == 0 || last);
    }
}
