package io.genai4j.course.prompting;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates arithmetic word problems with known answers, in the style of GSM8K but mechanical: a
 * person starts with some items, then each step adds, removes, or adds a number of packs of a given
 * size; the question asks how many are left. Numbers stay small and never go negative, so the
 * difficulty is the number of steps, not the arithmetic. The same seed gives the same problems.
 */
public final class WordProblems {
    private static final String[] NAMES = {"Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivo", "Jun"};
    private static final String[] ITEMS = {"apples", "marbles", "stickers", "pencils", "cookies", "stamps", "coins", "books"};

    private WordProblems() {}

    /** {@code n} problems of {@code steps} operations each (at least one). */
    public static List<WordProblem> generate(int n, int steps, long seed) {
        if (n < 1) throw new IllegalArgumentException("the number of problems must be >= 1, got " + n);
        if (steps < 1) throw new IllegalArgumentException("a problem needs at least one step, got " + steps);
        SplittableRandom r = new SplittableRandom(seed);
        List<WordProblem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(one(r, steps));
        return List.copyOf(out);
    }

    private static WordProblem one(SplittableRandom r, int steps) {
        String who = NAMES[r.nextInt(NAMES.length)];
        String what = ITEMS[r.nextInt(ITEMS.length)];
        long have = 5 + r.nextInt(26);
        StringBuilder q = new StringBuilder(who + " has " + have + " " + what + ".");
        for (int s = 0; s < steps; s++) {
            switch (r.nextInt(3)) {
                case 0 -> {
                    int a = 2 + r.nextInt(19);
                    have += a;
                    q.append(" Then ").append(who).append(" finds ").append(a).append(" more.");
                }
                case 1 -> {
                    if (have < 2) {             // nothing sensible to remove: add instead
                        have += 3;
                        q.append(" Then ").append(who).append(" gets 3 more.");
                    } else {
                        long a = 1 + r.nextLong(Math.min(have - 1, 20));
                        have -= a;
                        q.append(" Then ").append(who).append(" gives ").append(a).append(" away.");
                    }
                }
                default -> {
                    int packs = 2 + r.nextInt(4), size = 2 + r.nextInt(9);
                    have += (long) packs * size;
                    q.append(" Then ").append(who).append(" buys ").append(packs).append(" packs with ").append(size).append(" ").append(what)
                            .append(" in each pack.");
                }
            }
        }
        q.append(" How many ").append(what).append(" does ").append(who).append(" have now?");
        return new WordProblem(q.toString(), have, steps);
    }
}
