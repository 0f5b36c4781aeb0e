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
import java.util.List;

/**
 * LoRA training as a {@link TrainTask} of the shared {@code TrainLoop}: each update scores a few
 * random windows with the adapted model and takes AdamW steps on A and B only (the base is frozen:
 * its weights are buffers or frozen parameters, whatever their format). The loss is the mean
 * next-token cross-entropy over the targets that count ({@link TokenWindow#IGNORED} ones do not),
 * so a chat's prompts shape the context without being learned.
 */
public final class LoraTask implements TrainTask {
    /** The model being adapted: next-token logits [T, vocab] for one window, on the autograd tape. */
    @FunctionalInterface
    public interface Scorer {
        Tensor logits(int[] input);
    }

    /** A Llama/Qwen model through its modules (the differentiable path). */
    public static Scorer of(CausalLm model) {
        return input -> model.forward(input, null, true);
    }

    /** Our GPT, one window as a batch of one. */
    public static Scorer of(Gpt gpt) {
        return input -> gpt.logits(gpt.hidden(input, 1, input.length, null, null)).reshape(input.length, gpt.config.vocabSize());
    }

    private final Scorer scorer;
    private final LoraAdapter adapter;
    private final List<TokenWindow> train, val;
    private final int batch;
    private final AdamW optimizer;
    private final Rng rng;

    /**
     * @param batch windows per update
     * @param lr    AdamW's learning rate (the loop's schedule overrides it each step); no weight decay
     */
    public LoraTask(Scorer scorer, LoraAdapter adapter, List<TokenWindow> train, List<TokenWindow> val, int batch, double lr, long seed) {
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
        Tensor sum = null;
        long tokens = 0, counted = 0;
        for (TokenWindow w : windows) {
            Tensor l = summedLoss(w);
            sum = sum == null ? l : sum.add(l);
            tokens += w.input().length;
            counted += w.counted();
        }
        return new Batch(sum.div(counted), tokens, counted);
    }

    /** Σ over the window's counted targets of −log p(target). */
    private Tensor summedLoss(TokenWindow w) {
        return F.crossEntropy(scorer.logits(w.input()), w.target(), TokenWindow.IGNORED, 0f).mul(w.counted());
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
