package io.genai4j.llm.grammar;

import java.util.List;

/**
 * A context-free grammar over Unicode code points, the one form every input format compiles to
 * (GBNF, regular expressions, JSON Schema): rules, each a list of alternatives, each a sequence of
 * elements; an element is a character class or a reference to a rule. Repetition and optionality
 * are already expanded into (right-recursive) helper rules. {@link ByteAutomaton} turns it into a
 * recognizer over UTF-8 bytes.
 */
public record Grammar(List<Rule> rules, int root) {

    public Grammar {
        rules = List.copyOf(rules);
        if (root < 0 || root >= rules.size()) throw new IllegalArgumentException("root rule " + root + " is not among " + rules.size() + " rules");
    }

    /** One element of a sequence. */
    public sealed interface Element permits Chars, Ref {}

    /**
     * One code point out of sorted, disjoint, non-adjacent inclusive ranges {@code lo0, hi0, lo1, hi1, ...}
     * (surrogates never included: they have no UTF-8 form).
     */
    public record Chars(int[] ranges) implements Element {
        public boolean contains(int cp) {
            for (int i = 0; i < ranges.length; i += 2) if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chars c && java.util.Arrays.equals(ranges, c.ranges);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(ranges);
        }

        @Override
        public String toString() {
            return "Chars" + java.util.Arrays.toString(ranges);
        }
    }

    /** A reference to rule number {@code rule}. */
    public record Ref(int rule) implements Element {}

    /** A named rule; an empty alternative matches the empty string. */
    public record Rule(String name, List<List<Element>> alternatives) {
        public Rule {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }
    }
}
