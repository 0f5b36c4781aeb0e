package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help prints its usage and nothing else: no picocli warning (e.g. an unescaped % in a description). */
class HelpTest {
    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        out.add(prefix);
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help") || !e.getValue().getCommandName().equals(e.getKey())) continue;   // aliases once
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            collect(e.getValue(), path, out);
        }
    }

    @Test
    void everyHelpIsCleanOfPicocliWarnings() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new Main()), List.of(), commands);
        assertTrue(commands.size() > 40, "found " + commands.size() + " commands");
        List<String> bad = new ArrayList<>();
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            String name = String.join(" ", c);
            assertEquals(0, r.code(), name + ": " + r.err());
            assertTrue(r.out().contains("Usage:"), name + ": " + r.out());
            if (!r.err().isEmpty() || r.out().contains("WARN")) bad.add("genai " + name + " --help: " + r.err().strip());
        }
        assertEquals(List.of(), bad);
    }
}
