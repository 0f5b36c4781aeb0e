package io.genai4j.llm.agent.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exact decimal arithmetic with the usual precedence, checked against BigDecimal computed directly, and clear errors. */
class ArithmeticTest {
    static String eval(String e) {
        return Arithmetic.format(Arithmetic.evaluate(e));
    }

    @Test
    void decimalsAreExactWhereDoublesAreNot() {
        assertEquals("0.3", eval("0.1 + 0.2"));
        assertEquals("1", eval("0.1 * 10"));
        assertEquals("123456789012345678901234567890", eval("123456789012345678901234567889 + 1"));
    }

    @Test
    void precedenceAndAssociativity() {
        assertEquals("14", eval("2 + 3 * 4"));
        assertEquals("20", eval("(2 + 3) * 4"));
        assertEquals("3", eval("10 - 4 - 3"));
        assertEquals("2", eval("16 / 4 / 2"));
        assertEquals("-9", eval("-3^2"));          // as in maths: the power first
        assertEquals("512", eval("2^3^2"));         // right-associative
        assertEquals("0.125", eval("2^-3"));
        assertEquals("1", eval("10 % 3"));
        assertEquals("1000000", eval("1,000 × 1_000"));
        assertEquals("2.5", eval("5 ÷ 2"));
    }

    @Test
    void quotientsTerminateExactlyOrHave34SignificantDigits() {
        assertEquals("0.0625", eval("1/16"));
        String third = eval("1/3");
        assertEquals("0." + "3".repeat(34), third);
    }

    @Test
    void randomExpressionsMatchBigDecimal() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            BigDecimal a = BigDecimal.valueOf(r.nextLong(-100000, 100000), r.nextInt(4));
            BigDecimal b = BigDecimal.valueOf(r.nextLong(1, 100000), r.nextInt(4));
            BigDecimal c = BigDecimal.valueOf(r.nextLong(-1000, 1000), r.nextInt(3));
            String e = "(" + a.toPlainString() + ") - " + b.toPlainString() + " * (" + c.toPlainString() + ")";
            assertEquals(0, a.subtract(b.multiply(c)).compareTo(Arithmetic.evaluate(e)), e);
        }
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval("1 / (2 - 2)")).getMessage().startsWith("division by zero at character 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval("2 +")).getMessage().contains("ends where a number was expected"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval("2 ^ 0.5")).getMessage().contains("not an integer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval("Runtime.exec(1)")).getMessage().startsWith("expected a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval("(1 + 2")).getMessage().contains("expected ')'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval("1 2")).getMessage().startsWith("unexpected"));
        assertThrows(IllegalArgumentException.class, () -> eval("2^100000"));
        assertThrows(IllegalArgumentException.class, () -> eval("(".repeat(1000) + "1" + ")".repeat(1000)));
    }
}
