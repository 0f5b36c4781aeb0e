package io.genai4j.cli.lora;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.lora.GgufAdapter;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.llm.lora.LoraConfig;
import io.genai4j.llm.lora.LoraTargets;
import io.genai4j.llm.lora.LoraTask;
import io.genai4j.llm.lora.LoraWeights;
import io.genai4j.llm.lora.PeftAdapter;
import io.genai4j.llm.lora.RotaryRows;
import io.genai4j.llm.lora.TokenWindow;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.Generator;
import io.genai4j.models.gpt.GptLm;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.train.EvalWhen;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai lora train}: an adapter on a frozen base, written as a PEFT directory (and, for
 * Llama/Qwen bases, a llama.cpp GGUF adapter beside it). The style lesson:
 * {@code genai lora train gpt --data /work/shared/data/translation/fra-eng/fra.txt --column 2 --rank 4}.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a LoRA adapter. BASE: gpt (the shipped Shakespeare GPT), gpt:DIR, a .gguf file, a model directory or OWNER/REPO.",
                "Data: a text file (--column N takes the N-th tab-separated field of each line) or chat JSONL ({\"messages\": [...]}; only assistant replies count)."})
public final class LoraTrain implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "The frozen base model.") String base;
    @Option(names = "--data", required = true, description = "Training data: .txt/.tsv text or .jsonl chat.") Path data;
    @Option(names = "--column", defaultValue = "0", description = "Use the N-th tab-separated column of each line (0: the whole text).") int column;
    @Option(names = "--max-chars", defaultValue = "300000", description = "Text read at most, whole lines taken evenly through the file (default ${DEFAULT-VALUE}; 0: all).") int maxChars;
    @Option(names = "--target", description = "Layers to adapt: comma-separated names, or all-linear (default: q_proj,v_proj; c_attn for our GPT and GPT-2 models).") String target;
    @Option(names = "--target-regex", description = "Layers to adapt: a regex over whole module names (instead of --target).") String targetRegex;
    @Option(names = "--rank", defaultValue = "8", description = "r (default ${DEFAULT-VALUE}).") int rank;
    @Option(names = "--alpha", defaultValue = "16", description = "lora_alpha: the side path is scaled by alpha/r (default ${DEFAULT-VALUE}).") float alpha;
    @Option(names = "--rslora", description = "Scale by alpha/sqrt(r) (rank-stabilised LoRA).") boolean rsLora;
    @Option(names = "--dropout", defaultValue = "0.05", description = "lora_dropout (default ${DEFAULT-VALUE}).") float dropout;
    @Option(names = "--steps", defaultValue = "300", description = "Updates (default ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--batch", defaultValue = "8", description = "Windows per update (default ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--window", defaultValue = "128", description = "Tokens per window, at most the model's context (default ${DEFAULT-VALUE}).") int window;
    @Option(names = "--lr", defaultValue = "2e-3", description = "Peak learning rate, cosine decay to a tenth (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--eval-every", defaultValue = "100", description = "Updates between validation losses (default ${DEFAULT-VALUE}).") int evalEvery;
    @Option(names = "--eval-windows", defaultValue = "64", description = "Validation windows at most (default ${DEFAULT-VALUE}).") int evalWindows;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out", defaultValue = "runs/lora", description = "Adapter directory (default ${DEFAULT-VALUE}).") Path out;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        try (LoraBase b = LoraBase.open(base)) {
            int win = b.gpt() != null ? Math.min(window, b.gpt().model().config.blockSize()) : window;
            LoraBase.Windows split = b.split(data, column, win, maxChars, evalWindows);
            List<TokenWindow> train = split.train(), val = split.val(), home = split.home();

            LoraTargets targets = targetRegex != null ? LoraTargets.regex(targetRegex)
                    : LoraTargets.parse(target != null ? target : b.gpt() != null || (b.llama() != null && b.llama().arch() == Arch.GPT2) ? "c_attn" : "q_proj,v_proj");
            LoraConfig config = new LoraConfig(rank, alpha, dropout, rsLora, targets, b.name());
            double valBefore = LoraTask.meanLoss(b.scorer(), val), homeBefore = LoraTask.meanLoss(b.scorer(), home);
            String sampleBefore = sample(b);
            LoraAdapter adapter = LoraAdapter.wrap(b.module(), config, new Rng(seed.value()));
            System.out.println(adapter.trainable(b.module()).peftLine());
            System.out.printf(Locale.ROOT, "data: %,d training and %,d validation windows of up to %d tokens from %s%n", train.size(), val.size(), win, data);

            LoraTask task = new LoraTask(b.scorer(), adapter, train, val, batch, lr, seed.value());
            var settings = new TrainLoop.Settings(steps, 0, LrSchedule.warmupCosine(lr, lr / 10, Math.min(20, steps / 10), steps), 1.0, 1,
                    EvalWhen.every(evalEvery), Goal.MINIMIZE, SaveWhen.ON_BEST);
            TrainEvent.Done done;
            try (TrainProgress bar = TrainProgress.steps(steps, "tok", (double) batch * win)) {
                done = new TrainLoop(task, settings, bar).run();
            }
            double valAfter = task.meanLoss(val), homeAfter = home.isEmpty() ? Double.NaN : task.meanLoss(home);
            String sampleAfter = sample(b);

            LoraWeights w = LoraWeights.of(adapter, b.llama());
            PeftAdapter.write(out, w);
            long adapterBytes = Files.size(out.resolve(PeftAdapter.WEIGHTS));
            Path gguf = null;
            if (b.llama() != null) {
                gguf = out.resolve("adapter.gguf");
                GgufAdapter.write(gguf, w, b.llama().arch().ggufName(), RotaryRows.of(b.llama()), DType.F16);
            }
            double tokensPerSecond = done.items() / Math.max(done.stepSeconds(), 1e-9);
            System.out.printf(Locale.ROOT, "val loss on the new text: %.4f -> %.4f%n", valBefore, valAfter);
            if (!home.isEmpty()) System.out.printf(Locale.ROOT, "val loss on Shakespeare: %.4f -> %.4f%n", homeBefore, homeAfter);
            if (sampleBefore != null) System.out.printf("sample before:%n%s%n%nsample after:%n%s%n%n", sampleBefore.strip(), sampleAfter.strip());
            System.out.printf(Locale.ROOT, "%d updates, %.0f tokens/s in training steps; adapter %,d bytes vs model %,d bytes (%.2f%%)%n",
                    done.steps(), tokensPerSecond, adapterBytes, b.bytes(), 100.0 * adapterBytes / b.bytes());
            System.out.println("adapter in " + out.toAbsolutePath() + (gguf != null ? " (PEFT, and llama.cpp's " + gguf.getFileName() + ")" : " (PEFT)"));
            if (json.on()) {
                Report r = new Report().put("trainable_params", adapter.trainable(b.module()).trainable())
                        .put("all_params", adapter.trainable(b.module()).all())
                        .put("val_loss_before", Rounding.places(valBefore, 4)).put("val_loss_after", Rounding.places(valAfter, 4));
                if (sampleBefore != null) r.put("sample_before", sampleBefore).put("sample_after", sampleAfter);
                if (!home.isEmpty()) r.put("home_val_loss_before", Rounding.places(homeBefore, 4)).put("home_val_loss_after", Rounding.places(homeAfter, 4));
                r.put("steps", done.steps()).put("tokens_per_s", Rounding.whole(tokensPerSecond))
                        .put("train_seconds", Rounding.places(done.stepSeconds(), 2))
                        .put("adapter_bytes", adapterBytes).put("model_bytes", b.bytes()).put("out", out.toAbsolutePath().toString())
                        .printJson(System.out);
            }
            if (!Double.isFinite(valAfter)) {
                System.err.println("genai: the validation loss after training is " + valAfter + ": the adapter diverged (try a lower --lr)");
                return 2;
            }
            return 0;
        }
    }

    /** 240 characters from the GPT (temperature 0.8, the same seed before and after), or null for other bases. */
    private String sample(LoraBase b) {
        if (b.gpt() == null) return null;
        var gpt = b.gpt().model();
        String text = new Generator(new GptLm(gpt), b.tokenizer())
                .generate(b.tokenizer().encode("\n"), GenerationOptions.slidingWindow(240, 0.8f, 0, 1f, seed.value()), null).text();
        gpt.eval();
        return text;
    }
}
