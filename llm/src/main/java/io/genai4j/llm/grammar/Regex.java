package io.genai4j.llm.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * Regular expressions (the common subset of ECMAScript and Java syntax) as grammar rules: literals,
 * {@code .}, classes {@code [a-z] [^...]} with {@code \d \w \s} and their negations, groups
 * {@code (...)} and {@code (?:...)}, alternation, the quantifiers {@code * + ? {n} {n,} {n,m}} (lazy
 * and possessive forms match the same strings), and {@code ^}/{@code $} at the ends. Look-around and
 * back-references are not regular and are rejected by name.
 *
 * <p>Every character class is intersected with a given class ({@code within}): inside a JSON
 * string that is the characters that need no escaping, so a pattern's match is written as is.
 */
public final class Regex {
    /** Characters allowed around an unanchored pattern: a subset of "any", so a model must reach the match. */
    static final int UNANCHORED_MAX = 16;

    private final String src;
    private final GrammarBuilder b;
    private final Grammar.Chars within;
    private final String where;
    private int pos;

    private Regex(String src, GrammarBuilder b, Grammar.Chars within, String where) {
        this.src = src;
        this.b = b;
        this.within = within;
        this.where = where;
    }

    /** A grammar whose language is the strings the whole regex matches. */
    public static Grammar grammar(String regex) {
        GrammarBuilder b = new GrammarBuilder();
        Grammar.Element e = compile(regex, b, CharRanges.any(), "regex", true);
        int root = b.rule("root");
        b.define(root, List.of(List.of(e)));
        return b.build("root");
    }

    /**
     * The regex as one element. Anchored: the whole string must match; otherwise (a JSON Schema
     * {@code pattern}, which searches) anything from {@code within} may come before a leading
     * non-{@code ^} and after a trailing non-{@code $} (at most {@value #UNANCHORED_MAX} characters each,
     * so a model cannot wander forever before the match).
     */
    static Grammar.Element compile(String regex, GrammarBuilder b, Grammar.Chars within, String where, boolean anchored) {
        Regex r = new Regex(regex, b, within, where);
        boolean start = regex.startsWith("^");
        if (start) r.pos = 1;
        List<List<Grammar.Element>> alts = r.alternatives();
        boolean end = false;
        if (r.pos < regex.length() && regex.charAt(r.pos) == '$') {
            r.pos++;
            end = true;
        }
        if (r.pos < regex.length()) throw r.error(regex.charAt(r.pos) == ')' ? "unbalanced ')'" : "unexpected '" + regex.charAt(r.pos) + "'");
        Grammar.Element body = b.group("regex", alts);
        if (anchored || (start && end)) return body;
        List<Grammar.Element> seq = new ArrayList<>();
        Grammar.Element any = b.group("regex-any", List.of(b.repeat(within, 0, UNANCHORED_MAX)));
        if (!start) seq.add(any);
        seq.add(body);
        if (!end) seq.add(any);
        return b.group("pattern", List.of(seq));
    }

    private List<List<Grammar.Element>> alternatives() {
        List<List<Grammar.Element>> alts = new ArrayList<>();
        alts.add(sequence());
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            alts.add(sequence());
        }
        return alts;
    }

    private List<Grammar.Element> sequence() {
        List<Grammar.Element> seq = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '|' || c == ')') break;
            if (c == '$' && (pos + 1 == src.length() || src.charAt(pos + 1) == ')' || src.charAt(pos + 1) == '|')) {
                if (pos + 1 == src.length()) break;
                throw error("'$' is only supported at the end of the pattern");
            }
            Grammar.Element atom = atom();
            seq.addAll(quantified(atom));
        }
        return seq;
    }

    private List<Grammar.Element> quantified(Grammar.Element atom) {
        if (pos >= src.length()) return List.of(atom);
        char c = src.charAt(pos);
        int min, max;
        if (c == '*') {
            min = 0;
            max = -1;
            pos++;
        } else if (c == '+') {
            min = 1;
            max = -1;
            pos++;
        } else if (c == '?') {
            min = 0;
            max = 1;
            pos++;
        } else if (c == '{' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            min = integer();
            max = min;
            if (pos < src.length() && src.charAt(pos) == ',') {
                pos++;
                max = pos < src.length() && Character.isDigit(src.charAt(pos)) ? integer() : -1;
            }
            if (pos >= src.length() || src.charAt(pos) != '}') throw error("expected '}'");
            pos++;
            if (max >= 0 && max < min) throw error("quantifier {" + min + "," + max + "} has max < min");
        } else {
            return List.of(atom);
        }
        if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) pos++;   // lazy/possessive: same language
        if (pos < src.length() && "*+?{".indexOf(src.charAt(pos)) >= 0 && !(src.charAt(pos) == '{' && !isQuantifierBrace())) {
            throw error("a quantifier cannot follow a quantifier");
        }
        return List.of(b.group("rep", List.of(b.repeat(atom, min, max))));
    }

    private boolean isQuantifierBrace() {
        return pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1));
    }

    private Grammar.Element atom() {
        char c = src.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                if (src.startsWith("?:", pos)) pos += 2;
                else if (src.startsWith("?", pos)) throw error("look-around and other (? groups are not regular and not supported");
                List<List<Grammar.Element>> alts = alternatives();
                if (pos >= src.length() || src.charAt(pos) != ')') throw error("expected ')'");
                pos++;
                return b.group("regex-group", alts);
            }
            case '[' -> {
                pos++;
                return clip(charClass());
            }
            case '.' -> {
                pos++;
                return clip(CharRanges.complement(CharRanges.of('\n', '\n', '\r', '\r', 0x2028, 0x2029)));
            }
            case '^' -> throw error("'^' is only supported at the start of the pattern");
            case '*', '+', '?' -> throw error("'" + c + "' must follow something to repeat");
            case '\\' -> {
                return clip(escape(false));
            }
            default -> {
                int cp = src.codePointAt(pos);
                pos += Character.charCount(cp);
                return clip(CharRanges.single(cp));
            }
        }
    }

    /** The class intersected with {@code within}; empty is an error (nothing could match). */
    private Grammar.Chars clip(Grammar.Chars c) {
        Grammar.Chars r = CharRanges.complement(CharRanges.union(CharRanges.complement(c), CharRanges.complement(within)));
        if (r.ranges().length == 0) throw error("this character cannot appear here (it would need escaping in a JSON string)");
        return r;
    }

    private Grammar.Chars charClass() {
        boolean negate = pos < src.length() && src.charAt(pos) == '^';
        if (negate) pos++;
        Grammar.Chars acc = CharRanges.of();
        boolean first = true;
        while (true) {
            if (pos >= src.length()) throw error("unterminated character class");
            char c = src.charAt(pos);
            if (c == ']' && !first) break;
            first = false;
            Grammar.Chars lo = c == '\\' ? escape(true) : single();
            if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']' && isSingle(lo)) {
                pos++;
                Grammar.Chars hi = src.charAt(pos) == '\\' ? escape(true) : single();
                if (!isSingle(hi)) throw error("a class escape cannot end a range");
                if (hi.ranges()[0] < lo.ranges()[0]) throw error("character range is reversed");
                acc = CharRanges.union(acc, CharRanges.of(lo.ranges()[0], hi.ranges()[0]));
            } else {
                acc = CharRanges.union(acc, lo);
            }
        }
        pos++;
        return negate ? CharRanges.complement(acc) : acc;
    }

    private static boolean isSingle(Grammar.Chars c) {
        return c.ranges().length == 2 && c.ranges()[0] == c.ranges()[1];
    }

    private Grammar.Chars single() {
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return CharRanges.single(cp);
    }

    private Grammar.Chars escape(boolean inClass) {
        if (pos + 1 >= src.length()) throw error("unfinished escape");
        char e = src.charAt(pos + 1);
        pos += 2;
        return switch (e) {
            case 'd' -> CharRanges.DIGIT;
            case 'D' -> CharRanges.complement(CharRanges.DIGIT);
            case 'w' -> CharRanges.WORD;
            case 'W' -> CharRanges.complement(CharRanges.WORD);
            case 's' -> CharRanges.SPACE;
            case 'S' -> CharRanges.complement(CharRanges.SPACE);
            case 'n' -> CharRanges.single('\n');
            case 't' -> CharRanges.single('\t');
            case 'r' -> CharRanges.single('\r');
            case 'f' -> CharRanges.single('\f');
            case 'v' -> CharRanges.single(0x0B);
            case '0' -> CharRanges.single(0);
            case 'x' -> CharRanges.single(hex(2));
            case 'u' -> CharRanges.single(hex(4));
            case 'b' -> {
                if (inClass) yield CharRanges.single('\b');
                pos -= 2;
                throw error("word boundaries (\\b) are not supported");
            }
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    pos -= 2;
                    throw error("the escape '\\" + e + "' is not supported (back-references and Unicode properties are not)");
                }
                yield CharRanges.single(e);
            }
        };
    }

    private int hex(int n) {
        if (pos + n > src.length()) throw error("expected " + n + " hex digits");
        try {
            int v = Integer.parseInt(src.substring(pos, pos + n), 16);
            pos += n;
            return v;
        } catch (NumberFormatException ex) {
            throw error("expected " + n + " hex digits");
        }
    }

    private int integer() {
        int s = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        try {
            return Integer.parseInt(src.substring(s, pos));
        } catch (NumberFormatException e) {
            throw error("number too large");
        }
    }

    private GrammarException error(String what) {
        return new GrammarException(where + " " + io.genai4j.engine.util.Printable.of(src) + " at character " + pos + ": " + what);
    }
}
