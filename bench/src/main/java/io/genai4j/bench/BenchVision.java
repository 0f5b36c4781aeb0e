package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SafeTensorsFile;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.GradClip;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.util.Rounding;
import io.genai4j.engine.util.StaleTemps;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import io.genai4j.models.vision.DataSizeExperiment;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.VisionConfig;
import io.genai4j.models.vision.VisionModel;
import io.genai4j.models.vision.VisionTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai bench vision --peer torch}: the CNN (LeNet-5) and the ViT of {@code genai vision} at
 * their default sizes, in genai4j and in PyTorch ({@code bench/peers/torch_vision.py}, built from
 * the weights genai4j exports). First a numerical cross-check per model: the same logits, loss,
 * gradients and AdamW step for one batch from the same weights. Then the speed, with the same
 * thread count: training images/s (forward, cross-entropy, backward, clipping, AdamW at the
 * lesson's batch size, as {@code genai vision train} takes a step) and inference images/s (logits
 * of a batch as the lesson's evaluation takes it, no autograd), in rounds alternating A B B A so
 * the machine's load weighs on both alike.
 */
@Command(name = "vision", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Training and inference images/s of the vision lesson's CNN and ViT, against PyTorch with --peer torch (after a one-step numerical cross-check).")
public final class BenchVision implements Callable<Integer> {
    /**
     * Logits and gradients: max |Δ| over the largest |value| (for a gradient, at least {@link
     * PeerDiff#NOISE_FLOOR} of the model's largest); loss: relative; the step: max |Δ| in lr ({@link PeerDiff}).
     */
    static final String TORCH_SCRIPT = "bench/peers/torch_vision.py";
    static final double LOGIT_TOLERANCE = 1e-4, LOSS_TOLERANCE = 1e-5, GRAD_TOLERANCE = 1e-3, STEP_TOLERANCE = 1e-2;

    @Option(names = "--model", defaultValue = "both", description = "cnn, vit or both (default ${DEFAULT-VALUE}).") String model;
    @Option(names = "--batch", defaultValue = "64", description = "Images per training step (default ${DEFAULT-VALUE}, as vision train).") int batch;
    @Option(names = "--infer-batch", defaultValue = "250", description = "Images per inference call (default ${DEFAULT-VALUE}, as the lesson's evaluation).") int inferBatch;
    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay on matrices (default ${DEFAULT-VALUE}, as vision train).") double weightDecay;
    @Option(names = "--steps", defaultValue = "10", description = "Timed training steps, and timed inference calls, per round (default ${DEFAULT-VALUE}).") int steps;
    @Mixin RoundsOption rounds = new RoundsOption(4);
    @Option(names = "--warmup", defaultValue = "5", description = "Untimed training steps and inference calls on each side first (default ${DEFAULT-VALUE}).") int warmup;
    @Mixin MnistOption data;
    @Mixin TorchPeer torchPeer;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        torchPeer.validate();
        if (batch < 1 || inferBatch < 1 || steps < 1 || rounds.value() < 1 || warmup < 0) {
            throw new IllegalArgumentException("--batch, --infer-batch, --steps and --rounds must be >= 1 and --warmup >= 0");
        }
        List<String> kinds = model.equals("both") ? List.of("cnn", "vit") : List.of(VisionConfig.of(model).kind());
        Images pool = data.split().train();
        if (batch > pool.size() || (!torchPeer.checkOnly() && inferBatch > pool.size())) {
            throw new IllegalArgumentException("--batch and --infer-batch must be at most the " + pool.size() + " training images");
        }
        Report report = new Report().put("batch", batch).put("infer_batch", inferBatch).put("threads", Parallel.threads());
        Path dir = Files.createTempDirectory("genai-bench-vision");
        try {
            for (String kind : kinds) {
                Map<String, Object> fields = new LinkedHashMap<>();
                Integer failed = !torchPeer.on() ? null : crossCheck(kind, pool.range(0, batch), dir, fields);
                if (failed != null) return failed;
                if (!torchPeer.checkOnly()) speed(kind, pool, dir, fields, report);
                report.put(kind, fields);
            }
        } finally {
            StaleTemps.deleteTree(dir);
        }
        report.put("load_average", Rounding.places(Interleaved.loadAverage(), 2));
        if (json.on()) report.printJson(System.out);
        return 0;
    }

    /** The lesson's model at its default size, its initial weights fixed by the seed. */
    private static VisionModel fresh(String kind) {
        VisionModel m = VisionModel.create(VisionConfig.of(kind), new Rng(1));
        m.train(true);
        return m;
    }

    /** One step here and in torch from the same weights on the same images; null when they agree, else the exit code. */
    private Integer crossCheck(String kind, Images images, Path dir, Map<String, Object> fields) throws IOException {
        VisionModel m = fresh(kind);
        double lr = DataSizeExperiment.defaultLr(kind);
        Path in = dir.resolve(kind + "-check-in.safetensors"), out = dir.resolve(kind + "-check-out.safetensors");
        export(in, m, images, lr);
        if (!torchPeer.check(TORCH_SCRIPT, in, out)) return 2;
        AdamW opt = VisionTrainer.optimizer(m, lr, weightDecay);
        opt.zeroGrad();
        Tensor logits = m.forward(Tensor.of(images.pixels(), images.size(), 1, images.height(), images.width()));
        Tensor loss = F.crossEntropy(logits, images.labels());
        loss.backward();
        Map<String, Tensor> params = m.namedParameters();
        Map<String, float[]> grads = new LinkedHashMap<>();
        for (var e : params.entrySet()) grads.put(e.getKey(), e.getValue().grad().contiguous().toArray());
        double norm = GradClip.clipGradNorm(opt.params(), VisionTrainer.GRAD_CLIP);
        opt.step();

        double floor = 0;
        for (float[] g : grads.values()) floor = Math.max(floor, PeerDiff.NOISE_FLOOR * PeerDiff.largest(g));
        double logitErr, lossErr, normErr, gradErr = 0, stepErr = 0;
        try (SafeTensorsFile f = SafeTensors.open(out)) {
            logitErr = PeerDiff.maxRelative(logits.contiguous().toArray(), f.readF32("logits"));
            double theirLoss = f.readF32("loss")[0];
            lossErr = Math.abs(loss.item() - theirLoss) / Math.abs(theirLoss);
            normErr = Math.abs(norm - f.readF32("grad_norm")[0]) / norm;
            for (var e : params.entrySet()) {
                float[] g = grads.get(e.getKey());
                gradErr = Math.max(gradErr, PeerDiff.maxRelative(g, f.readF32(e.getKey() + ".grad"), floor));
                stepErr = Math.max(stepErr, PeerDiff.stepDifference(e.getValue().contiguous().toArray(), f.readF32(e.getKey() + ".after"), g, floor) / lr);
            }
            System.out.printf(Locale.ROOT, "%s, one step on %d images from the same weights: logits differ by %.1e of the largest; loss %.6f here, %.6f in torch (relative %.1e)%n",
                    kind, images.size(), logitErr, loss.item(), theirLoss, lossErr);
        }
        System.out.printf(Locale.ROOT, "  gradients of %d tensors: max difference %.1e of the largest (at least 1e-4 of the model's); grad norm %.1e relative;"
                + " weights after AdamW: max difference %.1e lr (entries with |g| >= 1%% of that)%n", grads.size(), gradErr, normErr, stepErr);
        boolean ok = logitErr <= LOGIT_TOLERANCE && lossErr <= LOSS_TOLERANCE && gradErr <= GRAD_TOLERANCE && normErr <= GRAD_TOLERANCE && stepErr <= STEP_TOLERANCE;
        fields.put("check_logits_rel", PeerDiff.sci(logitErr));
        fields.put("check_loss_rel", PeerDiff.sci(lossErr));
        fields.put("check_grad_rel", PeerDiff.sci(gradErr));
        fields.put("check_step_lr", PeerDiff.sci(stepErr));
        fields.put("check_ok", ok);
        if (!ok) {
            System.err.println("genai: genai4j and PyTorch disagree on the " + kind + " step beyond tolerance (logits " + LOGIT_TOLERANCE
                    + ", loss " + LOSS_TOLERANCE + ", gradients " + GRAD_TOLERANCE + ", step " + STEP_TOLERANCE + " lr)");
            return 1;
        }
        return null;
    }

    /** Training steps and inference calls here, and in torch with --peer, in alternating rounds. */
    private void speed(String kind, Images pool, Path dir, Map<String, Object> fields, Report report) throws Exception {
        VisionModel m = fresh(kind);
        double lr = DataSizeExperiment.defaultLr(kind);
        fields.put("parameters", m.numParameters());
        PythonPeer torch = null;
        if (torchPeer.on()) {
            Path in = dir.resolve(kind + "-serve.safetensors");
            export(in, m, pool, lr);
            torch = torchPeer.serve(TORCH_SCRIPT, in, "--batch", "" + batch, "--infer-batch", "" + inferBatch, "--warmup", "" + warmup);
            Files.delete(in);
        }
        try {
            RandomBatches task = new RandomBatches(m, VisionTrainer.optimizer(m, lr, weightDecay), pool, batch, new Rng(2));
            Images first = pool.range(0, inferBatch);
            Tensor probe = Tensor.of(first.pixels(), inferBatch, 1, first.height(), first.width());
            if (warmup > 0) train(task, lr, warmup);
            infer(m, probe, warmup);
            PythonPeer peer = torch;
            Interleaved training = new Interleaved(), inference = new Interleaved();
            for (int r = 0; r < rounds.value(); r++) {
                training.round(r, () -> train(task, lr, steps), peer == null ? null : () -> Interleaved.sum(peer.run("run", 0, steps)));
                inference.round(r, () -> infer(m, probe, steps), peer == null ? null : () -> Interleaved.sum(peer.run("infer", 0, steps)));
            }
            double javaTrain = training.ours(), torchTrain = training.peer(), javaInfer = inference.ours(), torchInfer = inference.peer();
            double trained = (double) rounds.value() * steps * batch, inferred = (double) rounds.value() * steps * inferBatch;
            double javaTrainIps = trained / javaTrain, javaInferIps = inferred / javaInfer;
            System.out.printf(Locale.ROOT, "%s (%,d parameters), genai4j: %.0f images/s training (batch %d), %.0f images/s inference (batch %d); %d rounds of %d, %d threads%n",
                    kind, m.numParameters(), javaTrainIps, batch, javaInferIps, inferBatch, rounds.value(), steps, Parallel.threads());
            fields.put("train_images_per_s", Rounding.whole(javaTrainIps));
            fields.put("infer_images_per_s", Rounding.whole(javaInferIps));
            fields.put("ms_per_step", Rounding.places(1e3 * javaTrain / (rounds.value() * steps), 2));
            if (torch != null) {
                double torchTrainIps = trained / torchTrain, torchInferIps = inferred / torchInfer;
                String version = torch.hello().path("torch").asText("?"), blas = torch.hello().path("blas").asText("?");
                System.out.printf(Locale.ROOT, "%s, torch %s (BLAS %s): %.0f images/s training, %.0f inference; genai4j/torch = %.2fx training, %.2fx inference (load average %.1f)%n",
                        kind, version, blas, torchTrainIps, torchInferIps, javaTrainIps / torchTrainIps, javaInferIps / torchInferIps,
                        Interleaved.loadAverage());
                report.put("peer", "torch " + version).put("peer_blas", blas);
                fields.put("peer_train_images_per_s", Rounding.whole(torchTrainIps));
                fields.put("peer_infer_images_per_s", Rounding.whole(torchInferIps));
                fields.put("peer_ms_per_step", Rounding.places(1e3 * torchTrain / (rounds.value() * steps), 2));
                fields.put("train_ratio", Rounding.places(javaTrainIps / torchTrainIps, 3));
                fields.put("infer_ratio", Rounding.places(javaInferIps / torchInferIps, 3));
            }
        } finally {
            if (torch != null) torch.close();
        }
    }

    /** Seconds of n training steps as TrainLoop takes them (constant lr, the lesson's clipping). */
    private static double train(RandomBatches task, double lr, int n) throws IOException {
        return new TrainLoop(task, TrainLoop.Settings.steps(n, LrSchedule.constant(lr), VisionTrainer.GRAD_CLIP), null).run().stepSeconds();
    }

    /** Seconds of n forward passes over the probe batch, in evaluation mode without a graph. */
    private static double infer(VisionModel m, Tensor probe, int n) {
        m.eval();
        long nanos = 0;
        try (Grad g = Grad.off()) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                m.forward(probe);
                nanos += System.nanoTime() - t0;
            }
        } finally {
            m.train(true);
        }
        return nanos / 1e9;
    }

    /** The model's weights under their genai4j names, the images [N, 1, H, W] and labels [N], the config and the optimizer settings in the metadata. */
    private void export(Path file, VisionModel m, Images images, double lr) throws IOException {
        Map<String, Tensor> all = new LinkedHashMap<>(m.namedParameters());
        all.put("images", Tensor.of(images.pixels(), images.size(), 1, images.height(), images.width()));
        float[] labels = new float[images.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = images.labels()[i];
        all.put("labels", Tensor.of(labels, labels.length));
        Map<String, String> meta = new LinkedHashMap<>();
        m.config.toMap().forEach((k, v) -> meta.put(k, String.valueOf(v)));
        meta.put("lr", "" + lr);
        meta.put("weight_decay", "" + weightDecay);
        meta.put("grad_clip", "" + VisionTrainer.GRAD_CLIP);
        Checkpoints.save(file, all, meta);
    }

    /** The lesson's training step on B images drawn at random from the pool (no augmentation, as vision train by default). */
    private record RandomBatches(VisionModel model, AdamW optimizer, Images pool, int batch, Rng rng) implements TrainTask {
        @Override
        public Batch loss(int step) {
            int[] idx = new int[batch];
            for (int i = 0; i < batch; i++) idx[i] = rng.nextInt(pool.size());
            Images b = pool.subset(idx);
            Tensor logits = model.forward(Tensor.of(b.pixels(), batch, 1, b.height(), b.width()));
            return Batch.of(F.crossEntropy(logits, b.labels()), batch);
        }
    }
}
