package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lessons write what they make under runs/ (git-ignored) unless told otherwise, never loose files
 * in the working folder (which is often the repository). The few older names that stay where the
 * README documents them are listed here and git-ignored.
 */
class DefaultOutputsTest {
    private static final Set<String> DOCUMENTED = Set.of("ladder.png", "genai-tour");

    private static void collect(CommandLine cl, String name, List<String> out) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.type() != Path.class || o.defaultValue() == null) continue;
            if (!List.of("--out", "--png").contains(o.longestName())) continue;
            String d = o.defaultValue();
            if (!d.startsWith("runs/") && !DOCUMENTED.contains(d)) out.add(name + " " + o.longestName() + " " + d);
        }
        cl.getSubcommands().forEach((sub, c) -> {
            if (c.getCommandName().equals(sub)) collect(c, name + " " + sub, out);
        });
    }

    @Test
    void everyDefaultOutputIsUnderRuns() {
        List<String> loose = new ArrayList<>();
        collect(new CommandLine(new Main()), "genai", loose);
        assertEquals(List.of(), loose);
    }
}
