package io.genai4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's reporting convention: a command that reports figures prints them for people, and
 * with {@code --json} also prints one JSON object as its last stdout line. Keys keep insertion order.
 * A number that is not finite (a diverged loss) is written as null, and an {@code "error"} field
 * names each such value, e.g. {@code "val_loss":null, ..., "error":"not a finite number: val_loss=NaN"}.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule("finite-numbers")
            .addSerializer(Double.class, new NullIfNotFinite<>()).addSerializer(double.class, new NullIfNotFinite<>())
            .addSerializer(Float.class, new NullIfNotFinite<>()).addSerializer(float.class, new NullIfNotFinite<>()));
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Report put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** Prints the JSON object as one line. */
    public void printJson(PrintStream out) {
        out.println(toJson());
        out.flush();
    }

    /** The JSON object as one line, numbers that are not finite replaced as described above. */
    public String toJson() {
        List<String> problems = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> clean = (Map<String, Object>) NonFinite.clean(fields, "", problems);
        if (!problems.isEmpty()) {
            String note = "not a finite number: " + String.join(", ", problems);
            Object earlier = clean.get("error");
            clean.put("error", earlier == null ? note : earlier + "; " + note);
        }
        return json(clean);
    }

    /**
     * The last line of defence for numbers the walk cannot see (fields of a record or bean put
     * in a report): Jackson would write "NaN" as a string, which no JSON reader takes for a number.
     */
    private static final class NullIfNotFinite<T extends Number> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) gen.writeNull();
            else if (value instanceof Float f) gen.writeNumber(f);
            else gen.writeNumber(d);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report as JSON: " + e.getMessage(), e);
        }
    }
}
