package io.genai4j.llm.agent.builtin;

import io.genai4j.engine.util.Printable;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact arithmetic on decimal numbers, parsed here (no script engine, nothing evaluated but
 * numbers and operators). Grammar, by precedence:
 * <pre>
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/' | '%') unary)*        also × and ÷
 *   unary   := ('+' | '-') unary | power
 *   power   := primary ('^' unary)?                     integer exponents, |n| ≤ 10000
 *   primary := number | '(' expr ')'                    number: digits [. digits], '_' or ',' between digit groups ignored
 * </pre>
 * Sums, differences, products and integer powers are exact; a quotient is exact when it
 * terminates and otherwise rounded to 34 significant digits (IEEE decimal128), which the result
 * says by its length.
 */
public final class Arithmetic {
    private static final MathContext DIVISION = MathContext.DECIMAL128;
    private static final int MAX_EXPONENT = 10_000;
    private static final int MAX_LENGTH = 10_000;

    private final String s;
    private int pos;

    private Arithmetic(String s) {
        this.s = s;
    }

    /** The value of an expression; IllegalArgumentException naming the position for anything else. */
    public static BigDecimal evaluate(String expression) {
        if (expression == null || expression.isBlank()) throw new IllegalArgumentException("the expression is empty");
        if (expression.length() > MAX_LENGTH) throw new IllegalArgumentException("the expression is longer than " + MAX_LENGTH + " characters");
        Arithmetic p = new Arithmetic(expression);
        BigDecimal v = p.expr(0);
        p.skipSpaces();
        if (p.pos < p.s.length()) throw p.error("unexpected " + Printable.of(String.valueOf(p.s.charAt(p.pos))));
        return v;
    }

    /** The value as plain decimal text without trailing zeros ("2500", "0.25", "-3"). */
    public static String format(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private BigDecimal expr(int depth) {
        BigDecimal v = term(depth);
        while (true) {
            char c = peek();
            if (c == '+') {
                pos++;
                v = v.add(term(depth));
            } else if (c == '-' || c == '−') {
                pos++;
                v = v.subtract(term(depth));
            } else {
                return v;
            }
        }
    }

    private BigDecimal term(int depth) {
        BigDecimal v = unary(depth);
        while (true) {
            char c = peek();
            if (c == '*' || c == '×') {
                pos++;
                v = v.multiply(unary(depth));
            } else if (c == '/' || c == '÷' || c == '%') {
                int at = pos++;
                BigDecimal d = unary(depth);
                if (d.signum() == 0) throw errorAt(at, "division by zero");
                v = c == '%' ? v.remainder(d) : divide(v, d);
            } else {
                return v;
            }
        }
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        try {
            return a.divide(b);   // exact when the quotient terminates
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, DIVISION);
        }
    }

    private BigDecimal unary(int depth) {
        char c = peek();
        if (c == '-' || c == '−') {
            pos++;
            return unary(depth + 1).negate();
        }
        if (c == '+') {
            pos++;
            return unary(depth + 1);
        }
        return power(depth);
    }

    private BigDecimal power(int depth) {
        BigDecimal base = primary(depth);
        if (peek() != '^') return base;
        int at = pos++;
        BigDecimal e = unary(depth + 1);
        int n;
        try {
            n = e.intValueExact();
        } catch (ArithmeticException notInteger) {
            throw errorAt(at, "exponent " + format(e) + " is not an integer (only integer powers are exact)");
        }
        if (Math.abs(n) > MAX_EXPONENT) throw errorAt(at, "exponent " + n + " is larger than " + MAX_EXPONENT);
        if (n >= 0) return base.pow(n);
        if (base.signum() == 0) throw errorAt(at, "division by zero");
        return divide(BigDecimal.ONE, base.pow(-n));
    }

    private BigDecimal primary(int depth) {
        if (depth > 200) throw error("nested too deeply");
        char c = peek();
        if (c == '(') {
            pos++;
            BigDecimal v = expr(depth + 1);
            if (peek() != ')') throw error("expected ')'");
            pos++;
            return v;
        }
        if (Character.isDigit(c) || c == '.') return number();
        if (c == 0) throw error("the expression ends where a number was expected");
        throw error("expected a number, got " + Printable.of(String.valueOf(c)));
    }

    private BigDecimal number() {
        StringBuilder digits = new StringBuilder();
        boolean dot = false;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isDigit(c)) {
                digits.append(Character.forDigit(Character.digit(c, 10), 10));
            } else if (c == '.' && !dot) {
                dot = true;
                digits.append('.');
            } else if ((c == '_' || c == ',') && !dot && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)) && !digits.isEmpty()) {
                // a digit-group separator: 1,000,000 or 1_000
            } else {
                break;
            }
            pos++;
        }
        if (digits.length() == 1 && dot) throw error("'.' is not a number");
        return new BigDecimal(digits.toString());
    }

    private void skipSpaces() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private char peek() {
        skipSpaces();
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private IllegalArgumentException error(String what) {
        return errorAt(pos, what);
    }

    private IllegalArgumentException errorAt(int at, String what) {
        return new IllegalArgumentException(what + " at character " + (at + 1) + " of " + Printable.of(s));
    }
}
