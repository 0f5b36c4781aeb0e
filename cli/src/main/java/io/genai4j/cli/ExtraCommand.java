package io.genai4j.cli;

/**
 * A top-level picocli command that lives in a module above the CLI and joins {@code genai} when its
 * jar is on the class path: {@link Main} finds it with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.genai4j.cli.ExtraCommand}). Why not a plain dependency: {@code genai
 * bench} needs its peers (ONNX Runtime, ~80 MB with native code), and {@code genai run} should not
 * carry them; the launcher puts the bench jar on the class path for {@code genai bench} only.
 * An implementation is a {@code @Command} class with a public no-argument constructor.
 */
public interface ExtraCommand {
}
