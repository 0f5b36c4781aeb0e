package io.genai4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json} for the commands that report one result: the figures also go out as one JSON
 * object, the last line of stdout ({@link Report}). One option, so that its name and its help line
 * stay the same in every command.
 */
public final class JsonOption {
    @Option(names = "--json", description = "Also print the result as one JSON line.")
    boolean on;

    /** True when --json was given. */
    public boolean on() {
        return on;
    }
}
