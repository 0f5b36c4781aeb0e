package io.genai4j.bench;

import io.genai4j.cli.CommandGroup;
import io.genai4j.cli.ExtraCommand;
import picocli.CommandLine.Command;

/** {@code genai bench ...}: speed measurements, each with {@code --json}. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure the speed of the engine's kernels, tokenizers and models.",
        subcommands = {BenchMatmul.class, BenchMemory.class, BenchKernels.class, BenchLlm.class, BenchBatch.class, BenchNgram.class, BenchBpe.class, BenchBert.class, BenchServe.class, BenchGrammar.class, BenchRag.class, BenchLora.class, BenchVision.class})
public final class BenchCommand extends CommandGroup implements ExtraCommand {
}
