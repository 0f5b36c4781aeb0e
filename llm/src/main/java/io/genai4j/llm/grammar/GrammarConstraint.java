package io.genai4j.llm.grammar;

import io.genai4j.llm.TokenConstraint;

/** One generation's position in a grammar: the automaton state reached by the tokens accepted so far. */
public final class GrammarConstraint implements TokenConstraint {
    private final GrammarMatcher matcher;
    private int state;

    GrammarConstraint(GrammarMatcher matcher, int state) {
        this.matcher = matcher;
        this.state = state;
    }

    @Override
    public long[] allowed() {
        return matcher.allowed(state);
    }

    @Override
    public void accept(int token) {
        int next = matcher.advance(state, token);
        if (next == ByteAutomaton.DEAD) throw new IllegalStateException("token " + token + " is not allowed by the grammar here");
        state = next;
    }

    @Override
    public boolean complete() {
        return matcher.complete(state);
    }

    @Override
    public int[] forced() {
        return matcher.forced(state);
    }

    /** The automaton state reached so far. */
    int state() {
        return state;
    }

    /** True when the text so far may end here. */
    public boolean accepting() {
        synchronized (matcher) {
            return matcher.automaton().accepting(state);
        }
    }
}
