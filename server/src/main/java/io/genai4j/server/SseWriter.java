package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events as OpenAI streams them: each event one {@code data: <json>} line and a blank
 * line, flushed at once, and {@code data: [DONE]} at the end. The response is committed by the
 * first event only, so a request refused before its first token still gets a JSON error with its
 * status. A write that fails means the client went away: the writer remembers it ({@link
 * #broken()}) so generation stops at the next token instead of computing an answer nobody reads.
 */
public final class SseWriter {
    private final HttpServletResponse response;
    private OutputStream out;
    private volatile boolean broken;

    public SseWriter(HttpServletResponse response) {
        this.response = response;
    }

    public void send(JsonNode event) {
        write("data: " + Json.write(event) + "\n\n");
    }

    public void done() {
        write("data: [DONE]\n\n");
    }

    boolean started() {
        return out != null;
    }

    public boolean broken() {
        return broken;
    }

    private synchronized void write(String s) {
        if (broken) return;
        try {
            if (out == null) {
                response.setStatus(200);
                response.setContentType("text/event-stream; charset=utf-8");
                response.setHeader("Cache-Control", "no-cache");
                response.setHeader("X-Accel-Buffering", "no");   // nginx: pass each event on at once
                out = response.getOutputStream();
            }
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            broken = true;   // the client closed the connection
        }
    }
}
