package io.genai4j.llm.tools;

import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a model's answer, as it streams, into text and tool calls in one {@link ToolCallFormat}.
 * Text goes to {@link ChatListener#onText} as soon as it cannot be the start of a call (a suffix
 * that could begin a marker such as {@code <tool_call>} is held back until the next piece decides
 * it); a call goes to {@link ChatListener#onToolCall}: its id and name as soon as the name is
 * written, then its arguments' JSON in fragments as they are written. A JSON object that turns out
 * not to be a call (no name, not valid JSON) is text after all.
 */
public final class ToolCallParser {
    private enum State { START, TEXT, CALLS }

    private final ToolCallFormat format;
    private final ChatListener out;
    private final String idPrefix;
    private final StringBuilder text = new StringBuilder();
    private final List<ToolCall> calls = new ArrayList<>();
    private State state = State.START;
    private final StringBuilder pending = new StringBuilder();   // text not yet decided
    private String opened = "";                                  // the marker and separators a call in progress came after
    private CallScanner call;
    private boolean announced;
    private int emitted;

    public ToolCallParser(ToolCallFormat format, ChatListener out, String idPrefix) {
        this.format = format;
        this.out = out;
        this.idPrefix = idPrefix;
    }

    /** The next piece of the answer's text. */
    public void add(String piece) {
        for (int i = 0; i < piece.length(); i++) add(piece.charAt(i));
    }

    private void add(char c) {
        if (call != null) {
            feedCall(c);
            return;
        }
        pending.append(c);
        switch (state) {
            case START -> {
                String visible = pending.toString().stripLeading();
                if (visible.isEmpty()) return;
                for (String m : format.starts) if (m.length() > visible.length() && m.startsWith(visible)) return;   // maybe the marker: wait
                char first = visible.charAt(0);
                if (format.jsonAtStart && (first == '{' || format.array && first == '[') && format.starts.stream().noneMatch(visible::startsWith)) {
                    opened = pending.substring(0, pending.length() - visible.length());
                    pending.setLength(0);
                    state = State.CALLS;
                    for (int i = 0; i < visible.length(); i++) add(visible.charAt(i));
                    return;
                }
                state = State.TEXT;
                scanText();
            }
            case TEXT -> scanText();
            case CALLS -> scanBetweenCalls();
        }
    }

    /** Text state: emit what cannot begin a marker; a whole marker opens the calls. */
    private void scanText() {
        String p = pending.toString();
        for (String m : format.starts) {
            int at = p.indexOf(m);
            if (at >= 0) {
                emitText(p.substring(0, at));
                opened = m;
                pending.setLength(0);
                state = State.CALLS;
                String rest = p.substring(at + m.length());
                for (int i = 0; i < rest.length(); i++) add(rest.charAt(i));
                return;
            }
        }
        int hold = heldBack(p);
        emitText(p.substring(0, p.length() - hold));
        pending.delete(0, p.length() - hold);
    }

    /** Between calls: whitespace, separators, markers and brackets are the format's; '{' opens a call; anything else is text. */
    private void scanBetweenCalls() {
        String p = pending.toString();
        char c = p.charAt(p.length() - 1);
        if (p.length() == 1 && (Character.isWhitespace(c) || c == ',' || c == ';' || (format.array && (c == '[' || c == ']')))) {
            opened += p;
            pending.setLength(0);
            return;
        }
        if (p.length() == 1 && c == '{') {
            pending.setLength(0);
            startCall(c);
            return;
        }
        for (String m : markers()) {
            if (p.equals(m)) {
                opened += p;
                pending.setLength(0);
                return;
            }
            if (m.startsWith(p)) return;   // maybe a marker: wait
        }
        // not the format's: text again (what was held since the last call was only separators)
        state = State.TEXT;
        scanText();
    }

    private List<String> markers() {
        List<String> m = new ArrayList<>(format.starts);
        if (format.end != null) m.add(format.end);
        return m;
    }

    /** The longest suffix of p that is a proper prefix of a start marker. */
    private int heldBack(String p) {
        int best = 0;
        for (String m : format.starts) {
            for (int k = Math.min(m.length() - 1, p.length()); k > best; k--) {
                if (p.endsWith(m.substring(0, k))) {
                    best = k;
                    break;
                }
            }
        }
        return best;
    }

    private void startCall(char brace) {
        call = new CallScanner();
        announced = false;
        emitted = -1;
        feedCall(brace);
    }

    private void feedCall(char c) {
        boolean done = call.add(c);
        int index = calls.size();
        if (!announced && call.name() != null) {
            out.onToolCall(index, id(index), call.name(), "");
            announced = true;
        }
        if (announced) {
            int to = call.argumentsKnownTo();
            if (to >= 0) {
                int from = emitted < 0 ? call.argumentsStart() : emitted;
                if (to > from) out.onToolCall(index, null, null, call.raw().substring(from, to));
                emitted = to;
            }
        }
        if (!done) return;
        if (call.isCall()) {
            finishCall();
        } else {
            // valid-looking but not a call: it was text, and so is everything after it
            String raw = opened + call.raw();
            call = null;
            opened = "";
            state = State.TEXT;
            emitText(raw);
        }
    }

    private void finishCall() {
        int index = calls.size();
        String args = call.arguments();
        if (emitted < 0) out.onToolCall(index, null, null, args);   // a JSON string value, or none: sent whole now
        calls.add(new ToolCall(id(index), call.name(), args));
        call = null;
        opened = "";
        state = State.CALLS;
    }

    private String id(int index) {
        return idPrefix + index;
    }

    private void emitText(String s) {
        if (s.isEmpty()) return;
        text.append(s);
        out.onText(s);
    }

    /** The answer has ended: text held back is text, a call cut short keeps what it has (or is text if it never named a tool). */
    public void finish() {
        if (call != null) {
            if (call.name() != null) {
                int index = calls.size();
                ToolCall cut = new ToolCall(id(index), call.name(), call.arguments());
                // what was not streamed yet, so the fragments still add up to the arguments
                String sent = emitted < 0 ? "" : call.raw().substring(call.argumentsStart(), emitted);
                if (cut.arguments().startsWith(sent) && cut.arguments().length() > sent.length()) {
                    out.onToolCall(index, null, null, cut.arguments().substring(sent.length()));
                }
                calls.add(cut);
            } else {
                emitText(opened + call.raw());
            }
            call = null;
        } else if (state != State.CALLS || !pending.toString().isBlank()) {
            emitText(pending.toString());
        }
        pending.setLength(0);
    }

    /** The answer's text, without the calls. */
    public String text() {
        return text.toString();
    }

    public List<ToolCall> calls() {
        return List.copyOf(calls);
    }
}
