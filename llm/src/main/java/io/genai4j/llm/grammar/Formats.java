package io.genai4j.llm.grammar;

import java.util.List;
import java.util.Map;

/**
 * JSON Schema string formats as (anchored) regular expressions whose every match is valid: dates
 * keep each month's day count (February to the 28th, so no leap-year rule is needed), times have no
 * leap second, e-mail addresses and host names keep their labels short, and e-mail domains end in a
 * real top-level domain (validators check it against IANA's list). Each accepts a subset of
 * the format's strings.
 */
final class Formats {
    private Formats() {}

    private static final String DATE = "[1-9]\\d{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))";
    private static final String TIME = "(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,6})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)";
    private static final String LABEL = "[a-z](?:[a-z0-9-]{0,20}[a-z0-9])?";
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Map<String, String> REGEX = Map.of(
            "date", DATE,
            "time", TIME,
            "date-time", DATE + "T" + TIME,
            "email", "[a-z0-9]{1,20}(?:\\.[a-z0-9]{1,20}){0,2}@" + LABEL + "(?:\\." + LABEL + "){0,2}\\.(?:com|org|net|io|dev|edu|de|fr|uk|jp)",
            "uuid", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "ipv4", "(?:" + OCTET + "\\.){3}" + OCTET,
            "hostname", LABEL + "(?:\\." + LABEL + "){0,3}");

    static final List<String> NAMES = REGEX.keySet().stream().sorted().toList();

    /** The regex of a format, or null when the format is not supported. */
    static String regex(String format) {
        return REGEX.get(format);
    }
}
