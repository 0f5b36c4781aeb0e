package io.genai4j.llm.agent.builtin;

import io.genai4j.engine.util.Printable;
import io.genai4j.llm.agent.Param;
import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.Tools;
import io.genai4j.llm.chat.ToolSpec;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code current_time} tool: the date, weekday and time now, in UTC or a named time zone
 * ({@code Thursday 2026-12-03 10:40 UTC}). The clock is given, so tests and evaluations fix it.
 */
public final class CurrentTime {
    private static final String DESCRIPTION = "Tells the current date, weekday and time.";
    public static final String NAME = "current_time";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private CurrentTime() {}

    public record Args(@Param(value = "timezone", description = "an IANA time zone such as Europe/Paris (default UTC)", required = false)
                       Optional<String> timezone) {}

    public static ToolSpec spec() {
        return Tools.spec(NAME, DESCRIPTION, Args.class);
    }

    public static Tool tool(Clock clock) {
        return Tools.of(NAME, DESCRIPTION, Args.class, a -> {
            String zone = a.timezone().orElse("UTC");
            ZoneId id;
            try {
                id = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown time zone " + Printable.of(zone));
            }
            return format(ZonedDateTime.now(clock.withZone(id)), zone);
        });
    }

    /** How the tool writes a moment (what the tiny assistant learned to read). */
    public static String format(ZonedDateTime t, String zone) {
        return FORMAT.format(t) + " " + zone;
    }
}
