package io.genai4j.llm.grammar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rules of a {@link Grammar}: named rules (declared before or after they are used),
 * fresh helper rules, and the expansions of repetition into right-recursive rules
 * ({@code x* → S ::= x S | ε}; {@code x{2,4} → x x (x (x)?)?}), so the recognizer never meets left recursion
 * of its own making.
 */
final class GrammarBuilder {
    private final List<String> names = new ArrayList<>();
    private final List<List<List<Grammar.Element>>> bodies = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** The id of the rule with this name, declaring it (undefined) when new. */
    int rule(String name) {
        Integer id = byName.get(name);
        if (id != null) return id;
        names.add(name);
        bodies.add(null);
        byName.put(name, names.size() - 1);
        return names.size() - 1;
    }

    boolean isDefined(String name) {
        Integer id = byName.get(name);
        return id != null && bodies.get(id) != null;
    }

    boolean exists(String name) {
        return byName.containsKey(name);
    }

    /** A new rule named after base ({@code base-1}, {@code base-2}, ...) that no input name can clash with. */
    int fresh(String base) {
        int n = counters.merge(base, 1, Integer::sum);
        String name = base + "-" + n;
        while (byName.containsKey(name)) name = base + "-" + counters.merge(base, 1, Integer::sum);
        return rule(name);
    }

    void define(int id, List<List<Grammar.Element>> alternatives) {
        if (bodies.get(id) != null) throw new IllegalStateException("rule " + names.get(id) + " is defined twice");
        bodies.set(id, alternatives);
    }

    /** A fresh rule with these alternatives, as an element. */
    Grammar.Ref group(String base, List<List<Grammar.Element>> alternatives) {
        int id = fresh(base);
        define(id, alternatives);
        return new Grammar.Ref(id);
    }

    /** The code points of s, one class each. */
    static List<Grammar.Element> literal(String s) {
        List<Grammar.Element> out = new ArrayList<>();
        s.codePoints().forEach(cp -> out.add(CharRanges.single(cp)));
        return out;
    }

    /** {@code x{min,max}} (max -1: unbounded) as a sequence of elements. */
    List<Grammar.Element> repeat(Grammar.Element x, int min, int max) {
        if (min < 0 || (max >= 0 && max < min)) throw new IllegalArgumentException("bad repetition {" + min + "," + max + "}");
        List<Grammar.Element> out = new ArrayList<>();
        for (int i = 0; i < min; i++) out.add(x);
        if (max < 0) {
            int star = fresh("star");
            define(star, List.of(List.of(x, new Grammar.Ref(star)), List.of()));
            out.add(new Grammar.Ref(star));
        } else if (max > min) {
            // (x (x (x)?)?)? nested from the inside out: max - min optional copies.
            Grammar.Ref inner = null;
            for (int i = 0; i < max - min; i++) {
                List<Grammar.Element> seq = new ArrayList<>();
                seq.add(x);
                if (inner != null) seq.add(inner);
                inner = group("opt", List.of(seq, List.of()));
            }
            out.add(inner);
        }
        return out;
    }

    /** The grammar rooted at the named rule; every referenced rule must be defined. */
    Grammar build(String rootName) {
        Integer root = byName.get(rootName);
        if (root == null || bodies.get(root) == null) throw new GrammarException("the grammar has no rule '" + rootName + "'");
        List<Grammar.Rule> rules = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (bodies.get(i) == null) throw new GrammarException("rule '" + names.get(i) + "' is used but never defined");
            rules.add(new Grammar.Rule(names.get(i), bodies.get(i)));
        }
        return new Grammar(rules, root);
    }
}
