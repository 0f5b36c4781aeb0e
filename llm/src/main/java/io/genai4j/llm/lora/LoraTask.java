package io.genai4j.llm.lora;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.llama.CausalLm;
import io.genai4j.models.train.TrainTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LoRA training as a {@link TrainTask} of the shared {@code TrainLoop}: each update scores a few
 * random windows with the adapted model (windows of one length in one batch where the model takes
 * batches) and takes AdamW steps on A and B only (the base is frozen:
 * its weights are buffers or frozen parameters, whatever their format) — or on every weight, for
 * full fine-tuning with the same optimizer and loss ({@link TrainedWeights#all}). The loss is the mean
 * next-token cross-entropy over the targets that count ({@link TokenWindow#IGNORED} ones do not),
 * so a chat's prompts shape the context without being learned.
 */
public final class LoraTask implements TrainTask {
    /** The model being adapted: next-token logits [T, vocab] for one window, on the autograd tape. */
    @FunctionalInterface
    public interface Scorer {
        Tensor logits(int[] input);

        /**
         * Logits [n·t, vocab] for n windows of t tokens given back to back in inputs. By default one
         * window at a time, joined; a model that takes a batch does it in one pass (larger products).
         */
        default Tensor logits(int[] inputs, int n, int t) {
            if (n == 1) return logits(inputs);
            Tensor[] each = new Tensor[n];
            for (int i = 0; i < n; i++) each[i] = logits(java.util.Arrays.copyOfRange(inputs, i * t, (i + 1) * t));
            return F.cat(0, each);
        }
    }

    /** A Llama/Qwen model through its modules (the differentiable path), one window at a time. */
    public static Scorer of(CausalLm model) {
        return input -> model.forward(input, null, true);
    }

    /** Our GPT: windows of one length go through as one [n, t] batch. */
    public static Scorer of(Gpt gpt) {
        return new Scorer() {
            @Override
            public Tensor logits(int[] input) {
                return logits(input, 1, input.length);
            }

            @Override
            public Tensor logits(int[] inputs, int n, int t) {
                return gpt.logits(gpt.hidden(inputs, n, t, null, null)).reshape(n * t, gpt.config.vocabSize());
            }
        };
    }

    private final Scorer scorer;
    private final TrainedWeights adapter;
    private final List<TokenWindow> train, val;
    private final int batch;
    private final AdamW optimizer;
    private final Rng rng;

    /**
     * @param adapter what is trained: a {@link LoraAdapter}, or all weights ({@link TrainedWeights#all}) for full fine-tuning
     * @param batch   windows per update
     * @param lr    AdamW's learning rate (the loop's schedule overrides it each step); no weight decay
     */
    public LoraTask(Scorer scorer, TrainedWeights adapter, List<TokenWindow> train, List<TokenWindow> val, int batch, double lr, long seed) {
        if (train.isEmpty()) throw new IllegalArgumentException("no training windows");
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        this.scorer = scorer;
        this.adapter = adapter;
        this.train = List.copyOf(train);
        this.val = List.copyOf(val);
        this.batch = batch;
        this.optimizer = new AdamW(List.of(new ParamGroup(adapter.parameters(), 0.0)), lr, 0.9, 0.999, 1e-8);
        this.rng = new Rng(seed);
    }

    @Override
    public AdamW optimizer() {
        return optimizer;
    }

    @Override
    public Batch loss(int step) {
        List<TokenWindow> drawn = new java.util.ArrayList<>(batch);
        for (int i = 0; i < batch; i++) drawn.add(train.get(rng.nextInt(train.size())));
        return loss(drawn);
    }

    /**
     * The training loss of the given windows (dropout on, on the tape): the mean over all their
     * counted targets, what one update of {@link #loss(int)} computes on the windows it draws. A
     * benchmark uses it to take the same step as a peer on the same windows.
     */
    public Batch loss(List<TokenWindow> windows) {
        if (windows.isEmpty()) throw new IllegalArgumentException("no windows to score");
        adapter.train(true);
        Map<Integer, List<TokenWindow>> byLength = new LinkedHashMap<>();
        for (TokenWindow w : windows) byLength.computeIfAbsent(w.input().length, k -> new ArrayList<>()).add(w);
        Tensor sum = null;
        long tokens = 0, counted = 0;
        for (List<TokenWindow> same : byLength.values()) {
            Tensor l = summedLoss(same);
            sum = sum == null ? l : sum.add(l);
            for (TokenWindow w : same) {
                tokens += w.input().length;
                counted += w.counted();
            }
        }
        return new Batch(sum.div(counted), tokens, counted);
    }

    /** Σ over the counted targets of windows of one length of −log p(target), scored as one batch. */
    private Tensor summedLoss(List<TokenWindow> same) {
        int n = same.size(), t = same.get(0).input().length, counted = 0;
        int[] inputs = new int[n * t], targets = new int[n * t];
        for (int i = 0; i < n; i++) {
            System.arraycopy(same.get(i).input(), 0, inputs, i * t, t);
            System.arraycopy(same.get(i).target(), 0, targets, i * t, t);
            counted += same.get(i).counted();
        }
        return F.crossEntropy(scorer.logits(inputs, n, t), targets, TokenWindow.IGNORED, 0f).mul(counted);
    }

    @Override
    public Score evaluate(int done, double meanTrainLoss) {
        return new Score(meanTrainLoss, meanLoss(val));
    }

    /** Mean loss per counted target over windows, dropout off, no tape (NaN for no windows). */
    public double meanLoss(List<TokenWindow> windows) {
        adapter.train(false);
        return meanLoss(scorer, windows);
    }

    /** Mean loss of any scorer over windows, no tape: the base model before an adapter exists. */
    public static double meanLoss(Scorer scorer, List<TokenWindow> windows) {
        double nats = 0;
        long n = 0;
        try (Grad g = Grad.off()) {
            for (TokenWindow w : windows) {
                nats += F.crossEntropy(scorer.logits(w.input()), w.target(), TokenWindow.IGNORED, 0f).item() * w.counted();
                n += w.counted();
            }
        }
        return n == 0 ? Double.NaN : nats / n;
    }
}
