/**
 * The {@code genai} command line: {@link io.genai4j.cli.Main} ({@code genai <lesson> <verb>
 * [options]}, picocli), and what every command shares: one-line user errors with exit code 2 (bugs
 * keep their trace), the {@code --json} report, {@code --threads}, terminal output. Commands parse
 * and check options and render what the libraries return; modules above the CLI join through {@link
 * io.genai4j.cli.ExtraCommand}.
 */
package io.genai4j.cli;
