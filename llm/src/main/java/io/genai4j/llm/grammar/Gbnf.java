package io.genai4j.llm.grammar;

import io.genai4j.engine.util.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * llama.cpp's GBNF grammar format (grammars/README.md): {@code name ::= alternatives} rules, the
 * start rule {@code root}; {@code "literals"} and {@code [character classes]} (with {@code ^} and
 * ranges) with the escapes backslash-x (2 hex digits), -u (4), -U (8), -t, -r, -n and the escaped quote,
 * backslash, brackets and dash; rule names; groups;
 * {@code .} for any character; the postfix operators {@code * + ? {m} {m,} {m,n}}; {@code #} comments.
 * A newline ends a rule except inside parentheses and after {@code |} or {@code ::=}. Token references
 * ({@code <[id]>}) are not supported and say so.
 */
public final class Gbnf {
    private final String src;
    private int pos;
    private final GrammarBuilder b = new GrammarBuilder();

    private Gbnf(String src) {
        this.src = src;
    }

    /** Parses a GBNF text; errors name the line and column. */
    public static Grammar parse(String text) {
        Gbnf p = new Gbnf(text);
        p.rules();
        return p.b.build("root");
    }

    private void rules() {
        space(true);
        while (pos < src.length()) {
            int at = pos;
            String name = name();
            if (name.isEmpty()) throw error("expected a rule name");
            space(false);
            if (!src.startsWith("::=", pos)) throw error("expected '::=' after the rule name '" + Printable.of(name) + "'");
            pos += 3;
            space(true);
            int id = b.rule(name);
            if (b.isDefined(name)) {
                pos = at;
                throw error("rule '" + Printable.of(name) + "' is defined twice");
            }
            b.define(id, alternatives(false));
            if (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') throw error("expected the end of the rule");
            space(true);
        }
    }

    private List<List<Grammar.Element>> alternatives(boolean nested) {
        List<List<Grammar.Element>> alts = new ArrayList<>();
        alts.add(sequence(nested));
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            space(true);
            alts.add(sequence(nested));
        }
        return alts;
    }

    private List<Grammar.Element> sequence(boolean nested) {
        List<Grammar.Element> seq = new ArrayList<>();
        int lastStart = -1;   // where the last element's elements begin, for postfix operators
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                lastStart = seq.size();
                while (true) {
                    if (pos >= src.length()) throw error("unterminated string literal");
                    if (src.charAt(pos) == '"') break;
                    seq.add(CharRanges.single(character()));
                }
                pos++;
                if (seq.size() > lastStart + 1) {   // a postfix operator applies to the whole literal
                    Grammar.Ref lit = b.group("lit", List.of(new ArrayList<>(seq.subList(lastStart, seq.size()))));
                    seq.subList(lastStart, seq.size()).clear();
                    seq.add(lit);
                }
                if (seq.size() == lastStart) seq.add(b.group("empty", List.of(List.of())));
            } else if (c == '[') {
                pos++;
                lastStart = seq.size();
                seq.add(charClass());
            } else if (c == '.') {
                pos++;
                lastStart = seq.size();
                seq.add(CharRanges.any());
            } else if (c == '(') {
                pos++;
                space(true);
                lastStart = seq.size();
                List<List<Grammar.Element>> alts = alternatives(true);
                if (pos >= src.length() || src.charAt(pos) != ')') throw error("expected ')'");
                pos++;
                seq.add(b.group("group", alts));
            } else if (c == '<') {
                throw error("token references (<...>) are not supported; write the token's text as a literal");
            } else if (isNameChar(c)) {
                lastStart = seq.size();
                seq.add(new Grammar.Ref(b.rule(name())));
            } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                if (lastStart < 0 || lastStart != seq.size() - 1) throw error("'" + c + "' must follow an element");
                Grammar.Element last = seq.remove(seq.size() - 1);
                int min, max;
                pos++;
                if (c == '*') {
                    min = 0;
                    max = -1;
                } else if (c == '+') {
                    min = 1;
                    max = -1;
                } else if (c == '?') {
                    min = 0;
                    max = 1;
                } else {
                    space(nested);
                    min = integer();
                    space(nested);
                    max = min;
                    if (pos < src.length() && src.charAt(pos) == ',') {
                        pos++;
                        space(nested);
                        max = pos < src.length() && Character.isDigit(src.charAt(pos)) ? integer() : -1;
                        space(nested);
                    }
                    if (pos >= src.length() || src.charAt(pos) != '}') throw error("expected '}'");
                    pos++;
                    if (max >= 0 && max < min) throw error("repetition {" + min + "," + max + "} has max < min");
                }
                lastStart = seq.size();
                seq.addAll(b.repeat(last, min, max));
                if (seq.size() != lastStart + 1) {   // keep one element so a following operator cannot split it
                    Grammar.Ref rep = b.group("rep", List.of(new ArrayList<>(seq.subList(lastStart, seq.size()))));
                    seq.subList(lastStart, seq.size()).clear();
                    seq.add(rep);
                }
            } else {
                break;
            }
            space(nested);
        }
        return seq;
    }

    private Grammar.Chars charClass() {
        boolean negate = pos < src.length() && src.charAt(pos) == '^';
        if (negate) pos++;
        List<Integer> pairs = new ArrayList<>();
        while (true) {
            if (pos >= src.length()) throw error("unterminated character class");
            if (src.charAt(pos) == ']') break;
            int lo = character(), hi = lo;
            if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                hi = character();
                if (hi < lo) throw error("character range is reversed");
            }
            pairs.add(lo);
            pairs.add(hi);
        }
        pos++;
        Grammar.Chars c = CharRanges.of(pairs.stream().mapToInt(Integer::intValue).toArray());
        return negate ? CharRanges.complement(c) : c;
    }

    /** One (possibly escaped) code point. */
    private int character() {
        int cp = src.codePointAt(pos);
        if (cp != '\\') {
            pos += Character.charCount(cp);
            return cp;
        }
        if (pos + 1 >= src.length()) throw error("unfinished escape");
        char e = src.charAt(pos + 1);
        pos += 2;
        return switch (e) {
            case 'x' -> hex(2);
            case 'u' -> hex(4);
            case 'U' -> hex(8);
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'n' -> '\n';
            case '\\', '"', '[', ']', '-', '^' -> e;
            default -> {
                pos -= 2;
                throw error("unknown escape '\\" + e + "'");
            }
        };
    }

    private int hex(int n) {
        if (pos + n > src.length()) throw error("expected " + n + " hex digits");
        int v;
        try {
            v = Integer.parseUnsignedInt(src.substring(pos, pos + n), 16);
        } catch (NumberFormatException ex) {
            throw error("expected " + n + " hex digits");
        }
        if (v > CharRanges.MAX || (v >= 0xD800 && v <= 0xDFFF)) throw error("\\u escape is not a Unicode scalar value");
        pos += n;
        return v;
    }

    private int integer() {
        int s = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        if (s == pos) throw error("expected a number");
        try {
            return Integer.parseInt(src.substring(s, pos));
        } catch (NumberFormatException e) {
            throw error("number too large");
        }
    }

    private String name() {
        int s = pos;
        while (pos < src.length() && isNameChar(src.charAt(pos))) pos++;
        return src.substring(s, pos);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** Skips blanks and comments; newlines too when allowed. */
    private void space(boolean newlines) {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r'))) pos++;
            else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else break;
        }
    }

    private GrammarException error(String what) {
        int line = 1, col = 1;
        for (int i = 0; i < Math.min(pos, src.length()); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            } else col++;
        }
        return new GrammarException("line " + line + ", column " + col + ": " + what);
    }
}
