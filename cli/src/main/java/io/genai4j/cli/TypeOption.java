package io.genai4j.cli;

import io.genai4j.engine.DType;
import io.genai4j.engine.util.Printable;
import java.util.List;
import java.util.Locale;

/** A storage type given on the command line (--type q4_0), checked against what the command can write. */
public final class TypeOption {
    private TypeOption() {}

    /** The type named by {@code value} (any case); otherwise one line naming the option, the value and the choices. */
    public static DType parse(String value, String option, List<DType> choices) {
        try {
            DType t = DType.valueOf(value.trim().toUpperCase(Locale.ROOT));
            if (choices.contains(t)) return t;
        } catch (IllegalArgumentException e) {
            // the message below names the choices
        }
        List<String> names = choices.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        throw new IllegalArgumentException("unknown " + option + " '" + Printable.of(value) + "' (choose " + String.join(", ", names) + ")");
    }
}
