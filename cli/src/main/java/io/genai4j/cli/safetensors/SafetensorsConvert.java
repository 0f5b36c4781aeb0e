package io.genai4j.cli.safetensors;

import io.genai4j.cli.Report;
import io.genai4j.cli.TypeOption;
import io.genai4j.engine.DType;
import io.genai4j.engine.io.CheckpointDir;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.util.PathFacts;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai safetensors convert}: store a checkpoint's float tensors as F16, BF16 or F32. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Rewrite a safetensors file with its float tensors stored as F16, BF16 or F32; other tensors and the",
                "metadata are kept. Checkpoints of every lesson load either way (weights become F32 on load)."})
public final class SafetensorsConvert implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The safetensors file to read.") Path in;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (may be FILE itself).") Path out;
    @Option(names = "--type", defaultValue = "F16", description = "F16, BF16 or F32 (default ${DEFAULT-VALUE}).") String type;
    @Option(names = "--json", description = "Also print {in, out, bytes_in, bytes_out, type} as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        DType t = TypeOption.parse(type, "--type", List.of(DType.F16, DType.BF16, DType.F32));
        checkPaths();
        long before = Files.size(in);
        if (CheckpointDir.holds(out)) {   // a file of a checkpoint: its manifest must describe the converted file
            CheckpointDir.replaceFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), tmp -> Checkpoints.convertFloats(in, tmp, t));
        } else {
            Checkpoints.convertFloats(in, out, t);
        }
        long after = Files.size(out);
        System.out.printf(Locale.ROOT, "wrote %s: %,d bytes (was %,d), float tensors as %s%n", out, after, before, t);
        if (json) new Report().put("in", in.toString()).put("out", out.toString()).put("bytes_in", before).put("bytes_out", after).put("type", t.toString()).printJson(System.out);
        return 0;
    }

    /** The input must be a file and the output a file path in an existing folder; say what is there instead. */
    private void checkPaths() throws NoSuchFileException {
        if (!Files.isRegularFile(in)) throw new NoSuchFileException(in + ": expected a .safetensors file, found " + PathFacts.describe(in));
        if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + ": expected a file to write, found " + PathFacts.describe(out));
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new NoSuchFileException("--out " + out + ": the folder " + folder + " to write into does not exist (found " + PathFacts.describe(folder) + ")");
        }
    }
}
