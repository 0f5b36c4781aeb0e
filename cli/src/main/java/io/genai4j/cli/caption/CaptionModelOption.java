package io.genai4j.cli.caption;

import io.genai4j.models.captioner.CaptionCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --checkpoint FILE}: a captioner from {@code genai caption train}; without it runs/caption-git.safetensors, else the shipped model. */
public final class CaptionModelOption {
    static final Path DEFAULT = Path.of("runs", "caption-git.safetensors");

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint from `genai caption train` (default: runs/caption-git.safetensors if present, else the shipped small model).")
    Path file;

    /** The checkpoint and a name for it in reports. */
    public record Loaded(CaptionCheckpoint checkpoint, String name) {}

    public Loaded load() throws IOException {
        if (file != null) return new Loaded(CaptionCheckpoint.load(file), file.toString());
        if (Files.isRegularFile(DEFAULT)) return new Loaded(CaptionCheckpoint.load(DEFAULT), DEFAULT.toString());
        CaptionCheckpoint shipped = CaptionCheckpoint.bundled();
        if (shipped == null) throw new NoSuchFileException("no captioner: train one with `genai caption train` or pass --checkpoint FILE");
        return new Loaded(shipped, "shipped git-small");
    }
}
