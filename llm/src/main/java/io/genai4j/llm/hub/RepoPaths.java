package io.genai4j.llm.hub;

import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * File names that a hub listing gives, checked before they become paths on disk: relative,
 * '/'-separated, no empty, "." or ".." component, no backslash (a separator on Windows), no
 * control character (a name with an ESC sequence or a newline would rewrite the terminal or a
 * listing), and nothing that resolves outside the repository's folder.
 */
final class RepoPaths {
    private RepoPaths() {}

    /** dir/name, or an IOException naming the (escaped) name when the hub lists a name that is not safe. */
    static Path resolve(Path dir, String name) throws IOException {
        String problem = problem(name);
        if (problem != null) throw new IOException("the hub lists a file named '" + Printable.of(name) + "': " + problem + "; refusing to write it");
        Path base = dir.toAbsolutePath().normalize();
        Path target = base.resolve(name).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IOException("the hub lists a file named '" + Printable.of(name) + "' outside the repository folder; refusing to write it");
        }
        return target;
    }

    /** Why name is not a safe relative path, or null when it is. */
    static String problem(String name) {
        if (name.isEmpty()) return "an empty name";
        if (name.startsWith("/")) return "an absolute path";
        if (name.indexOf('\\') >= 0) return "a backslash";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f) return "a control character";
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty()) return "an empty path component";
            if (part.equals(".") || part.equals("..")) return "a '" + part + "' path component";
        }
        if (name.endsWith(".part")) return "the suffix genai4j uses for partial downloads";
        return null;
    }
}
