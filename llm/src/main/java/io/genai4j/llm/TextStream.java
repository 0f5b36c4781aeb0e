package io.genai4j.llm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns token bytes into text as they come: a token may end inside a UTF-8 character (byte-level
 * BPE, byte fallback), so incomplete bytes wait for the next token; text that could be the start
 * of a stop string is held back until it is clearly not one. {@link #stopped()} tells when a stop
 * string appeared; the text before it is all that is emitted.
 */
final class TextStream {
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private final StringBuilder all = new StringBuilder();
    private final List<String> stops;
    private final Consumer<String> sink;
    private int emitted;
    private boolean stopped;

    TextStream(List<String> stops, Consumer<String> sink) {
        this.stops = stops;
        this.sink = sink;
    }

    void add(byte[] bytes) {
        if (stopped) return;
        pendingBytes.writeBytes(bytes);
        ByteBuffer in = ByteBuffer.wrap(pendingBytes.toByteArray());
        CharBuffer out = CharBuffer.allocate(in.remaining() + 2);
        CoderResult r = utf8.decode(in, out, false);
        if (r.isError()) throw new IllegalStateException("UTF-8 decoding failed: " + r);
        out.flip();
        all.append(out);
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        pendingBytes.reset();
        pendingBytes.writeBytes(rest);
        flush(false);
    }

    /** Emits what is safe; at the end (last = true) everything, incomplete bytes as U+FFFD. */
    void flush(boolean last) {
        if (stopped) return;
        if (last && pendingBytes.size() > 0) {
            all.append(new String(pendingBytes.toByteArray(), StandardCharsets.UTF_8));
            pendingBytes.reset();
        }
        int cut = -1;
        for (String s : stops) {
            int at = all.indexOf(s, Math.max(0, emitted - s.length()));
            if (at >= 0 && (cut < 0 || at < cut)) cut = at;
        }
        if (cut >= 0) {
            stopped = true;
            all.setLength(cut);
            emit(cut);
            return;
        }
        int safe = all.length();
        if (!last) {
            for (String s : stops) {
                // Hold back the longest tail that is a prefix of a stop string.
                for (int k = Math.min(s.length() - 1, all.length()); k > 0; k--) {
                    if (s.startsWith(all.substring(all.length() - k))) {
                        safe = Math.min(safe, all.length() - k);
                        break;
                    }
                }
            }
        }
        emit(safe);
    }

    private void emit(int upTo) {
        if (upTo > emitted) {
            if (sink != null) sink.accept(all.substring(emitted, upTo));
            emitted = upTo;
        }
    }

    boolean stopped() {
        return stopped;
    }

    String text() {
        return all.toString();
    }
}
