package io.genai4j.rag.load;

import java.util.ArrayList;
import java.util.List;

/** The headings above the current position: entering a level-n heading drops those at n and below. */
final class HeadingTrail {
    static final String SEPARATOR = " › ";
    private final List<Integer> levels = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    void enter(int level, String name) {
        while (!levels.isEmpty() && levels.getLast() >= level) {
            levels.removeLast();
            names.removeLast();
        }
        if (name.isEmpty()) return;
        levels.add(level);
        names.add(name);
    }

    @Override
    public String toString() {
        return String.join(SEPARATOR, names);
    }
}
