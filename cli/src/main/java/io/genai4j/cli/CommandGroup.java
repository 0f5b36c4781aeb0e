package io.genai4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups its subcommands ({@code genai bert}, {@code genai gguf}, ...): run
 * without one, it prints its usage (the list of subcommands) and succeeds.
 */
public abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
