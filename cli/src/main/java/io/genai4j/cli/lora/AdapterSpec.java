package io.genai4j.cli.lora;

import io.genai4j.engine.util.Printable;
import java.nio.file.Path;

/** {@code PATH[:scale]}: an adapter (PEFT directory or GGUF adapter) and the strength it is applied at (default 1). */
record AdapterSpec(Path path, float scale) {
    static AdapterSpec parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && colon < spec.length() - 1) {
            try {
                float s = Float.parseFloat(spec.substring(colon + 1));
                if (!Float.isFinite(s)) throw new IllegalArgumentException("adapter scale in " + Printable.of(spec) + " must be finite");
                return new AdapterSpec(Path.of(spec.substring(0, colon)), s);
            } catch (NumberFormatException e) {
                // not a scale: a path with a colon in it
            }
        }
        return new AdapterSpec(Path.of(spec), 1f);
    }
}
