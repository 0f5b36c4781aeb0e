package io.genai4j.cli;

import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;

/**
 * How the CLI reports a failure. The errors a user can cause (bad files, bad values:
 * IllegalArgumentException, IllegalStateException, IOException) are one clear line on stderr and
 * exit code {@value #USER_ERROR}. Anything else (ClassCastException, NullPointerException, index out
 * of bounds, StackOverflowError...) is a bug in genai4j: it is announced as an internal error, with
 * its trace, and exit code {@value #INTERNAL_ERROR}. Set GENAI_DEBUG=1 to see traces for user errors too.
 *
 * <p>Messages often quote text from files; every line printed here goes through {@link Printable}
 * as a last line of defence, so an escape sequence in a file never reaches the terminal raw.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;
    /** Longest line of a message or trace printed (a file's text quoted in full could be megabytes). */
    static final int MAX_LINE_CHARS = 2000;
    static final String INTERNAL = "genai: internal error (a bug, please report it): ";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        return report(ex, cl.getErr());
    }

    /** Prints the report for a failure of a command and returns the exit code. */
    static int report(Throwable ex, PrintWriter err) {
        boolean debug = System.getenv("GENAI_DEBUG") != null;
        if (isUserError(ex)) {
            err.println(safe("genai: " + message(ex)));
            if (debug) err.print(safe(trace(ex)));
            err.flush();
            return USER_ERROR;
        }
        if (ex instanceof OutOfMemoryError) {
            err.println("genai: out of memory (the Java heap is at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); if the input was small this is a bug, please report it with the trace below");
        } else {
            err.println(safe(INTERNAL + ex));
        }
        err.print(safe(trace(ex)));
        err.flush();
        return INTERNAL_ERROR;
    }

    static boolean isUserError(Throwable ex) {
        return ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException
                || ex instanceof IOException
                || ex instanceof UncheckedIOException;
    }

    /** The message of a user error; the file system's own exceptions say what went wrong, not only the path. */
    static String message(Throwable ex) {
        if (ex instanceof UncheckedIOException u && u.getCause() != null) ex = u.getCause();
        if (ex instanceof FileSystemException f && fromFileSystem(f)) return fileSystem(f);
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    /**
     * The JDK's file system exceptions carry only a path ("/x/y", which reads like nothing went
     * wrong); exceptions genai4j throws itself already hold a sentence. Tell them apart by origin.
     */
    private static boolean fromFileSystem(FileSystemException f) {
        StackTraceElement[] st = f.getStackTrace();
        return st.length > 0 && (st[0].getClassName().startsWith("sun.nio.") || st[0].getClassName().startsWith("java.nio."));
    }

    private static String fileSystem(FileSystemException f) {
        String what = switch (f) {
            case NoSuchFileException _ -> "no such file or folder";
            case AccessDeniedException _ -> "permission denied";
            case FileAlreadyExistsException _ -> "already exists";
            case NotDirectoryException _ -> "not a folder";
            case DirectoryNotEmptyException _ -> "folder not empty";
            default -> f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        };
        String other = f.getOtherFile() != null ? " (and " + f.getOtherFile() + ")" : "";
        return what + ": " + f.getFile() + other;
    }

    private static String trace(Throwable ex) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    /** Each line escaped and cut by {@link Printable}; line breaks and leading tabs themselves are kept. */
    static String safe(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end).stripTrailing();
            int tabs = 0; // a trace's leading tab stays a tab
            while (tabs < line.length() && line.charAt(tabs) == '\t') tabs++;
            sb.append(line, 0, tabs).append(Printable.of(line.substring(tabs), MAX_LINE_CHARS));
            if (nl < 0) break;
            sb.append('\n');
            start = nl + 1;
        }
        return sb.toString();
    }
}
