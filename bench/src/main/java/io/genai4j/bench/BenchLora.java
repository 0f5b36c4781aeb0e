package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SafeTensorsFile;
import io.genai4j.engine.io.WriteEntry;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.engine.optim.GradClip;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.util.Rounding;
import io.genai4j.engine.util.StaleTemps;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.llm.lora.LoraConfig;
import io.genai4j.llm.lora.LoraTargets;
import io.genai4j.llm.lora.LoraTask;
import io.genai4j.llm.lora.TextExamples;
import io.genai4j.llm.lora.TokenWindow;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.text.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai bench lora --peer torch}: the style lesson's LoRA training step (the shipped
 * Shakespeare GPT, c_attn adapted, rank 4, batch × window tokens per update) in genai4j and in
 * PyTorch ({@code bench/peers/torch_lora.py}). First a numerical cross-check: both take one step
 * from the same weights (B made non-zero so A gets a gradient too) on the same windows, and the
 * loss, the gradients and the adapter after the AdamW step must agree. Then the speed: rounds of
 * training steps alternate A B B A (genai4j, torch, torch, genai4j, ...) so the machine's load
 * weighs on both alike; tokens/s of each and their ratio.
 */
@Command(name = "lora", mixinStandardHelpOptions = true, sortOptions = false,
        description = "LoRA training tokens/s on the style lesson's GPT, against PyTorch with --peer torch (after a one-step numerical cross-check).")
public final class BenchLora implements Callable<Integer> {
    /**
     * Loss: relative; gradients: max |Δ| over the tensor's largest |g|; adapter after the step: max
     * |Δ| in units of lr over the entries whose gradient is not near zero ({@link PeerDiff}).
     */
    static final String TORCH_SCRIPT = "bench/peers/torch_lora.py";
    static final double LOSS_TOLERANCE = 1e-5, GRAD_TOLERANCE = 1e-3, STEP_TOLERANCE = 1e-2;

    @Option(names = "--rank", defaultValue = "4", description = "r (default ${DEFAULT-VALUE}, the style lesson's).") int rank;
    @Option(names = "--alpha", defaultValue = "16", description = "lora_alpha (default ${DEFAULT-VALUE}).") float alpha;
    @Option(names = "--target", defaultValue = "c_attn", description = "Layers to adapt (default ${DEFAULT-VALUE}).") String target;
    @Option(names = "--dropout", defaultValue = "0.05", description = "lora_dropout while timing (default ${DEFAULT-VALUE}; the cross-check uses 0).") float dropout;
    @Option(names = "--batch", defaultValue = "8", description = "Windows per update (default ${DEFAULT-VALUE}, as lora train).") int batch;
    @Option(names = "--window", defaultValue = "128", description = "Tokens per window (default ${DEFAULT-VALUE}, the GPT's context).") int window;
    @Option(names = "--lr", defaultValue = "2e-3", description = "AdamW learning rate (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--steps", defaultValue = "5", description = "Timed updates per round (default ${DEFAULT-VALUE}).") int steps;
    @Mixin RoundsOption rounds = new RoundsOption(4);
    @Mixin TorchPeer torchPeer;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        torchPeer.validate();
        if (batch < 1 || window < 2 || steps < 1 || rounds.value() < 1 || rank < 1) {
            throw new IllegalArgumentException("--batch, --steps, --rounds and --rank must be >= 1 and --window >= 2");
        }
        GptCheckpoint ck = GptCheckpoint.loadOrBundled(null);
        Gpt gpt = ck.model();
        gpt.eval();
        gpt.freeze();
        int win = Math.min(window, gpt.config.blockSize());
        List<TokenWindow> windows = TextExamples.windows(Corpus.tinyShakespeare().split().val(), ck.tokenizer(), win);
        windows = windows.stream().filter(w -> w.input().length == win).limit(256).toList();
        LoraConfig config = new LoraConfig(rank, alpha, dropout, false, LoraTargets.parse(target), "shipped Shakespeare GPT");
        Report report = new Report().put("model", "shipped Shakespeare GPT").put("rank", rank).put("alpha", (double) alpha).put("target", target)
                .put("batch", batch).put("window", win).put("threads", Parallel.threads());
        Path dir = Files.createTempDirectory("genai-bench-lora");
        try {
            if (torchPeer.on()) {
                Integer failed = crossCheck(gpt, windows.subList(0, Math.min(batch, windows.size())), config, dir, report);
                if (failed != null) return failed;
            }
            if (!torchPeer.checkOnly()) speed(gpt, windows, config, dir, report);
        } finally {
            StaleTemps.deleteTree(dir);
        }
        report.put("load_average", Rounding.places(Interleaved.loadAverage(), 2));
        if (json.on()) report.printJson(System.out);
        return 0;
    }

    /** One step here and in torch from the same weights and windows; null when they agree, else the exit code. */
    private Integer crossCheck(Gpt gpt, List<TokenWindow> windows, LoraConfig config, Path dir, Report report) throws IOException {
        LoraConfig noDropout = new LoraConfig(config.rank(), config.alpha(), 0f, false, config.targets(), config.baseModel());
        LoraAdapter adapter = LoraAdapter.wrap(gpt, noDropout, new Rng(1));
        try {
            Rng rng = new Rng(2);
            for (LoraLinear l : adapter.layers().values()) Init.uniform(l.loraB.weight, -0.05, 0.05, rng);
            Path in = dir.resolve("check-in.safetensors"), out = dir.resolve("check-out.safetensors");
            writeExport(in, gpt, adapter, windows, config.scaling());
            if (!torchPeer.check(TORCH_SCRIPT, in, out)) return 2;
            LoraTask task = new LoraTask(LoraTask.of(gpt), adapter, windows, List.of(), windows.size(), lr, 1);
            task.optimizer().setLearningRate(lr);
            task.optimizer().zeroGrad();
            Tensor loss = task.loss(windows).loss();
            loss.backward();
            Map<String, float[]> grads = new LinkedHashMap<>();
            for (var e : adapter.stateDict().entrySet()) grads.put(e.getKey(), e.getValue().grad().contiguous().toArray());
            double norm = GradClip.clipGradNorm(task.optimizer().params(), 1.0);
            task.optimizer().step();

            double lossErr, gradErr = 0, stepErr = 0, normErr;
            try (SafeTensorsFile f = SafeTensors.open(out)) {
                double theirLoss = f.readF32("loss")[0];
                lossErr = Math.abs(loss.item() - theirLoss) / Math.abs(theirLoss);
                normErr = Math.abs(norm - f.readF32("grad_norm")[0]) / norm;
                for (var e : adapter.stateDict().entrySet()) {
                    gradErr = Math.max(gradErr, PeerDiff.maxRelative(grads.get(e.getKey()), f.readF32(e.getKey() + ".grad")));
                    stepErr = Math.max(stepErr, PeerDiff.stepDifference(e.getValue().toArray(), f.readF32(e.getKey() + ".after"), grads.get(e.getKey())) / lr);
                }
                System.out.printf(Locale.ROOT, "one step, same weights and windows: loss %.6f here, %.6f in torch (relative difference %.1e)%n",
                        loss.item(), theirLoss, lossErr);
            }
            System.out.printf(Locale.ROOT, "  gradients of %d adapter tensors: max difference %.1e of the largest; grad norm %.1e relative;"
                    + " adapter after AdamW: max difference %.1e lr (entries with |g| >= 1%% of the largest)%n", grads.size(), gradErr, normErr, stepErr);
            boolean ok = lossErr <= LOSS_TOLERANCE && gradErr <= GRAD_TOLERANCE && normErr <= GRAD_TOLERANCE && stepErr <= STEP_TOLERANCE;
            report.put("check_loss_rel", PeerDiff.sci(lossErr)).put("check_grad_rel", PeerDiff.sci(gradErr)).put("check_step_lr", PeerDiff.sci(stepErr)).put("check_ok", ok);
            if (!ok) {
                System.err.println("genai: genai4j and PyTorch disagree on the LoRA step beyond tolerance (loss " + LOSS_TOLERANCE
                        + ", gradients " + GRAD_TOLERANCE + ", step " + STEP_TOLERANCE + " lr)");
                return 1;
            }
            return null;
        } finally {
            adapter.detach();
        }
    }

    /** Training steps here, and in torch with --peer, in alternating rounds. */
    private void speed(Gpt gpt, List<TokenWindow> windows, LoraConfig config, Path dir, Report report) throws Exception {
        LoraAdapter adapter = LoraAdapter.wrap(gpt, config, new Rng(3));
        try {
            LoraTask task = new LoraTask(LoraTask.of(gpt), adapter, windows, List.of(), batch, lr, 4);
            TrainLoop.Settings settings = TrainLoop.Settings.steps(steps, LrSchedule.constant(lr), 1.0);
            new TrainLoop(task, TrainLoop.Settings.steps(2, LrSchedule.constant(lr), 1.0), null).run();   // warm-up
            PythonPeer torch = null;
            if (torchPeer.on()) {
                Path in = dir.resolve("serve.safetensors");
                writeExport(in, gpt, adapter, windows, config.scaling());
                torch = torchPeer.serve(TORCH_SCRIPT, in, "--batch", "" + batch, "--dropout", "" + config.dropout());
            }
            try {
                PythonPeer peer = torch;
                Interleaved time = new Interleaved();
                for (int r = 0; r < rounds.value(); r++) {
                    time.round(r, () -> new TrainLoop(task, settings, null).run().stepSeconds(), peer == null ? null : () -> Interleaved.sum(peer.run(1, steps)));
                }
                double javaSeconds = time.ours(), torchSeconds = time.peer();
                double tokens = (double) rounds.value() * steps * batch * windows.get(0).input().length;
                double javaTps = tokens / javaSeconds;
                System.out.printf(Locale.ROOT, "genai4j: %.0f tokens/s in LoRA training steps (%d rounds of %d updates of %d x %d tokens, %d threads)%n",
                        javaTps, rounds.value(), steps, batch, windows.get(0).input().length, Parallel.threads());
                report.put("tokens_per_s", Rounding.whole(javaTps)).put("ms_per_step", Rounding.places(1e3 * javaSeconds / (rounds.value() * steps), 1));
                if (torch != null) {
                    double torchTps = tokens / torchSeconds;
                    String blas = torch.hello().path("blas").asText("?");
                    System.out.printf(Locale.ROOT, "torch %s (BLAS %s): %.0f tokens/s; genai4j/torch = %.2fx (load average %.1f)%n", torch.hello().path("torch").asText("?"),
                            blas, torchTps, javaTps / torchTps, Interleaved.loadAverage());
                    report.put("peer", "torch " + torch.hello().path("torch").asText("?")).put("peer_blas", blas).put("peer_tokens_per_s", Rounding.whole(torchTps))
                            .put("peer_ms_per_step", Rounding.places(1e3 * torchSeconds / (rounds.value() * steps), 1)).put("ratio", Rounding.places(javaTps / torchTps, 3));
                }
            } finally {
                if (torch != null) torch.close();
            }
        } finally {
            adapter.detach();
        }
    }

    /** The GPT's weights, the adapter, and the windows as [n, T] tokens and targets, with the sizes in the metadata. */
    private void writeExport(Path file, Gpt gpt, LoraAdapter adapter, List<TokenWindow> windows, float scale) throws IOException {
        List<WriteEntry> entries = new ArrayList<>();
        Map<String, Tensor> all = new LinkedHashMap<>(gpt.stateDict());
        all.putAll(adapter.stateDict());
        for (var e : all.entrySet()) entries.add(WriteEntry.ofFloats(e.getKey(), io.genai4j.engine.DType.F32, longs(e.getValue().shape()), e.getValue().contiguous().toArray()));
        int t = windows.get(0).input().length;
        int[] tokens = new int[windows.size() * t], targets = new int[windows.size() * t];
        for (int i = 0; i < windows.size(); i++) {
            System.arraycopy(windows.get(i).input(), 0, tokens, i * t, t);
            System.arraycopy(windows.get(i).target(), 0, targets, i * t, t);
        }
        entries.add(WriteEntry.ofInts("tokens", new long[] {windows.size(), t}, tokens));
        entries.add(WriteEntry.ofInts("targets", new long[] {windows.size(), t}, targets));
        var c = gpt.config;
        SafeTensors.write(file, entries, Map.of("n_layer", "" + c.nLayer(), "n_head", "" + c.nHead(), "n_embd", "" + c.nEmbd(),
                "lora_scale", "" + scale, "lr", "" + lr, "grad_clip", "1.0"));
    }

    private static long[] longs(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) s[i] = shape[i];
        return s;
    }
}
