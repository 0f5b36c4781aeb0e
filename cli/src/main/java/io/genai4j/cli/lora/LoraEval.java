package io.genai4j.cli.lora;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.llm.lora.LoraTask;
import io.genai4j.llm.lora.TokenWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai lora eval}: validation loss of the base and of the base with an adapter, on the split lora train validates on. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loss per counted token of the base and of base + adapter on the validation part (last 10%%) of a data file.")
public final class LoraEval implements Callable<Integer> {
    @Mixin BaseAndAdapter args;
    @Option(names = "--data", required = true, description = "Data as for lora train.") Path data;
    @Option(names = "--column", defaultValue = "0", description = "Use the N-th tab-separated column of each line (0: the whole text).") int column;
    @Option(names = "--max-chars", defaultValue = "300000", description = "Text read at most (default ${DEFAULT-VALUE}; 0: all).") int maxChars;
    @Option(names = "--window", defaultValue = "128", description = "Tokens per window (default ${DEFAULT-VALUE}).") int window;
    @Option(names = "--eval-windows", defaultValue = "64", description = "Validation windows at most (default ${DEFAULT-VALUE}).") int evalWindows;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        AdapterSpec spec = args.spec();
        try (LoraBase b = args.open()) {
            int win = b.gpt() != null ? Math.min(window, b.gpt().model().config.blockSize()) : window;
            List<TokenWindow> all = b.windows(data, column, win, maxChars);
            List<TokenWindow> val = all.subList(all.size() - Math.max(1, all.size() / 10), all.size());
            if (val.size() > evalWindows) val = val.subList(0, evalWindows);
            double before = LoraTask.meanLoss(b.scorer(), val);
            LoraAdapter a = b.readAdapter(spec.path()).applyTo(b.module(), b.llama(), spec.scale());
            double after = LoraTask.meanLoss(b.scorer(), val);
            System.out.printf(Locale.ROOT, "val loss %.4f (base) -> %.4f (with the adapter on %d layers) over %d windows%n", before, after, a.layers().size(), val.size());
            if (json.on()) new Report().put("val_loss_base", Rounding.places(before, 4)).put("val_loss_adapted", Rounding.places(after, 4))
                    .put("windows", val.size()).printJson(System.out);
            return 0;
        }
    }
}
