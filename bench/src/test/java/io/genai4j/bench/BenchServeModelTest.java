package io.genai4j.bench;

import io.genai4j.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that is not there is the user's one-line error before any replica or nginx starts. */
class BenchServeModelTest {
    @Test
    void aMissingModelIsOneLineBeforeAnyReplicaStarts(@TempDir Path tmp) {
        CliRun.assertUserError("no model at " + tmp.resolve("nope.gguf"), "bench", "serve", tmp.resolve("nope.gguf").toString());
    }
}
