package io.genai4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns the errors a user can cause (bad files, bad values) into one clear line on stderr and exit
 * code 2, instead of a stack trace. Anything else is a bug and keeps its trace.
 * Set GENAI_DEBUG=1 to see traces for user errors too.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean userError = ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException
                || ex instanceof IOException
                || ex instanceof UncheckedIOException;
        if (!userError || System.getenv("GENAI_DEBUG") != null) throw new RuntimeException(ex);
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cl.getErr().println("genai: " + msg);
        return 2;
    }
}
