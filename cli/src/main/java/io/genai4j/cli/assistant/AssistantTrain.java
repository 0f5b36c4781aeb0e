package io.genai4j.cli.assistant;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.engine.DType;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.assistant.AssistantTrainer;
import io.genai4j.models.train.EvalWhen;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainLoop;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai assistant train}: trains the tiny assistant and writes it as GGUF. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the tiny assistant on synthetic tool-calling conversations; the best model by validation loss is written as GGUF.",
                "The defaults are the shipped model's run (llm/src/main/resources/io/genai4j/llm/assistant/MODEL_CARD.md)."})
public final class AssistantTrain implements Callable<Integer> {
    @Option(names = "--dim", defaultValue = "128", description = "Model width (default ${DEFAULT-VALUE}).") int dim;
    @Option(names = "--layers", defaultValue = "4", description = "Blocks (default ${DEFAULT-VALUE}).") int layers;
    @Option(names = "--heads", defaultValue = "4", description = "Attention heads (default ${DEFAULT-VALUE}).") int heads;
    @Option(names = "--ffn", defaultValue = "384", description = "SwiGLU width (default ${DEFAULT-VALUE}).") int ffn;
    @Option(names = "--context", defaultValue = "192", description = "Context length and training window (default ${DEFAULT-VALUE}).") int context;
    @Option(names = "--vocab", defaultValue = "1024", description = "BPE vocabulary size (default ${DEFAULT-VALUE}).") int vocab;
    @Option(names = "--conversations", defaultValue = "40000", description = "Training conversations (default ${DEFAULT-VALUE}).") int conversations;
    @Option(names = "--batch", defaultValue = "4", description = "Windows per update (default ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--lr", defaultValue = "3e-3", description = "Peak learning rate (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--steps", defaultValue = "4000", description = "Updates (default ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--cpu-minutes", defaultValue = "40", description = "CPU-time budget of the training steps, 0 = none (default ${DEFAULT-VALUE}).") double cpuMinutes;
    @Option(names = "--eval-interval", defaultValue = "500", description = "Updates between evaluations (default ${DEFAULT-VALUE}).") int evalInterval;
    @Mixin SeedOption seed = new SeedOption(15);
    @Option(names = "--type", defaultValue = "F16", description = "Weight type of the file: F32, F16, Q8_0 (default ${DEFAULT-VALUE}).") DType type;
    @Option(names = "--out", defaultValue = "runs/assistant/tiny-assistant.gguf", description = "The GGUF file (default ${DEFAULT-VALUE}).") Path out;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        AssistantTrainer.Shape shape = new AssistantTrainer.Shape(dim, layers, heads, ffn, context, vocab);
        AssistantTrainer t = new AssistantTrainer(new AssistantTrainer.Settings(shape, conversations, 400, batch, lr, 0.1, seed.value(), type), out);
        System.out.printf(Locale.ROOT, "tiny assistant: %d layers, %d wide, %d heads, SwiGLU %d, context %d, vocabulary %d: %,d parameters%n",
                layers, dim, heads, ffn, context, vocab, t.parameters());
        System.out.printf(Locale.ROOT, "data: %,d conversations, %,d tokens; %d threads%n", t.trainCorpus().conversations(), t.trainCorpus().size(),
                Parallel.threads());
        TrainLoop.Settings s = TrainLoop.Settings.steps(steps, LrSchedule.warmupCosine(lr, lr / 10, Math.min(100, steps / 10), steps), 1.0)
                .withEval(EvalWhen.every(evalInterval), Goal.MINIMIZE, SaveWhen.ON_BEST);
        if (cpuMinutes > 0) s = s.withCpuMinutes(cpuMinutes);
        TrainEvent.Done d;
        try (TrainProgress bar = TrainProgress.steps(steps, "tok", (double) batch * context)) {
            d = new TrainLoop(t, s, bar).run();
        }
        double tokPerS = d.items() / Math.max(d.stepSeconds(), 1e-9);
        System.out.printf(Locale.ROOT, "best val loss %.4f after %d updates; %.0f tokens/s; %.0f CPU seconds of training steps%n", d.best(), d.steps(),
                tokPerS, d.cpuSeconds());
        System.out.println("model in " + out.toAbsolutePath());
        if (json.on()) {
            new Report().put("best_val_loss", Rounding.places(d.best(), 4)).put("steps", d.steps()).put("parameters", t.parameters())
                    .put("tokens_per_s", Rounding.whole(tokPerS)).put("cpu_seconds", Rounding.places(d.cpuSeconds(), 1))
                    .put("out", out.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
