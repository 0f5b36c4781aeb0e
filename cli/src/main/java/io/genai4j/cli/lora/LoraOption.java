package io.genai4j.cli.lora;

import io.genai4j.models.llama.DecoderModel;
import io.genai4j.engine.nn.Module;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.models.llama.LoadedModel;
import java.io.IOException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --lora DIR[:SCALE]} on run and chat: the model answers with an adapter, unmerged (the runtime adds its side paths). */
public final class LoraOption {
    @Option(names = "--lora", paramLabel = "ADAPTER[:SCALE]", description = "A LoRA adapter (PEFT directory or GGUF adapter) applied unmerged, at a strength (default 1).")
    String adapter;

    /** True when --lora was given. */
    public boolean given() {
        return adapter != null;
    }

    /** Attaches the adapter to the loaded model's layers; a note on stderr says which. */
    public void apply(LoadedModel m) throws IOException {
        if (adapter != null) attach(m, adapter);
    }

    /**
     * Attaches the adapter {@code spec} ({@code PATH[:SCALE]}) to the loaded model's layers, unmerged,
     * and says so on stderr; {@link LoraAdapter#detach} takes it off again.
     */
    public static LoraAdapter attach(LoadedModel m, String spec) throws IOException {
        if (!(m.model() instanceof DecoderModel)) {
            throw new IllegalArgumentException("--lora needs a Llama, Qwen or GPT-2 model; the inference path of " + m.config().arch() + " takes no adapter yet");
        }
        AdapterSpec s = AdapterSpec.parse(spec);
        LoraAdapter a = LoraBase.readAdapter(s.path(), (Module) m.model(), m.config()).applyTo((Module) m.model(), m.config(), s.scale());
        System.err.printf(Locale.ROOT, "adapter: %s on %d layers, rank %d, scale %.3g%n", s.path(), a.layers().size(), a.config().rank(),
                a.layers().values().iterator().next().scale());
        return a;
    }
}
