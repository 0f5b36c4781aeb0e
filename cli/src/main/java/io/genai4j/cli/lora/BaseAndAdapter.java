package io.genai4j.cli.lora;

import java.io.IOException;
import picocli.CommandLine.Parameters;

/** The two positional arguments of merge and eval: the base model and the adapter put on it. */
public final class BaseAndAdapter {
    @Parameters(index = "0", paramLabel = "BASE", description = "The base model (as for lora train).") String base;
    @Parameters(index = "1", paramLabel = "ADAPTER[:SCALE]", description = "A PEFT directory or a GGUF adapter, optionally with a strength.") String adapter;

    AdapterSpec spec() {
        return AdapterSpec.parse(adapter);
    }

    LoraBase open() throws IOException {
        return LoraBase.open(base);
    }
}
