package io.genai4j.llm.assistant;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.llm.chat.ChatRenderer;
import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.GgufModelWriter;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.LlamaModel;
import io.genai4j.models.llama.RopeStyle;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainTask;
import io.genai4j.text.vocab.LlmTokenizer;
import io.genai4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains the tiny assistant: a Llama module tree (RMSNorm, RoPE, SwiGLU, tied embeddings) built
 * from freshly initialised F32 weights that are made trainable, on windows of the conversation
 * stream ({@link AssistantCorpus}) that start at a conversation, with the loss only on the
 * assistant's tokens. The best model by validation loss (held-out conversations of another seed)
 * is written as GGUF with its vocabulary and chat template, ready for {@code LocalChatModel}.
 */
public final class AssistantTrainer implements TrainTask {
    /** The model's shape: width, blocks, heads, SwiGLU width, context, vocabulary. */
    public record Shape(int dim, int layers, int heads, int ffn, int context, int vocab) {
        public LlamaConfig config() {
            int hd = dim / heads;
            return new LlamaConfig(Arch.LLAMA, vocab, dim, layers, heads, heads, hd, ffn, context, 1e-5f, 10000f, RopeStyle.NEOX, hd, null, 1f,
                    true, false);
        }
    }

    /** The data and the optimisation: conversations, windows per update, learning rate, seed. */
    public record Settings(Shape shape, int conversations, int validation, int batch, double lr, double weightDecay, long seed, DType fileType) {}

    private static final int IGNORE = -1;
    private static final int EVAL_WINDOWS = 24;

    private final Settings s;
    private final Vocabulary vocab;
    private final LlmTokenizer tokenizer;
    private final LlamaConfig config;
    private final LlamaModel model;
    private final Map<String, Tensor> weights;
    private final AdamW optimizer;
    private final AssistantCorpus train, val;
    private final SplittableRandom batches;
    private final Path out;

    public AssistantTrainer(Settings s, Path out) {
        this.s = s;
        this.out = out;
        List<AssistantData.Sample> trainSamples = samples(s.seed(), s.conversations());
        List<AssistantData.Sample> valSamples = samples(s.seed() + 1, s.validation());
        ChatTemplate template = new ChatTemplate(AssistantTemplate.SOURCE);
        // the vocabulary is learned from the rendered conversations (a few thousand suffice: the text is repetitive)
        StringBuilder text = new StringBuilder();
        // rendering needs only the template and the BOS/EOS texts: a vocabulary of the bytes and control tokens gives them
        ChatRenderer plain = new ChatRenderer(template, new LlmTokenizer(AssistantVocabulary.train("<|im_start|>", 259)));
        for (AssistantData.Sample x : trainSamples.subList(0, Math.min(4000, trainSamples.size()))) {
            text.append(plain.render(x.conversation(), TinyAssistant.TOOLS, false));
        }
        this.vocab = AssistantVocabulary.train(text.toString(), s.shape().vocab());
        this.tokenizer = new LlmTokenizer(vocab);
        ChatRenderer renderer = new ChatRenderer(template, tokenizer);
        this.train = AssistantCorpus.of(trainSamples, renderer, tokenizer, TinyAssistant.TOOLS);
        this.val = AssistantCorpus.of(valSamples, renderer, tokenizer, TinyAssistant.TOOLS);
        this.config = s.shape().config();
        this.weights = initialWeights(config, new Rng(s.seed()));
        this.model = new LlamaModel(config, weights::get);
        for (Tensor t : model.stateDict().values()) t.requiresGrad(true);
        this.optimizer = new AdamW(ParamGroup.decayMatricesOnly(model.stateDict(), s.weightDecay()), s.lr(), 0.9, 0.95, 1e-8);
        this.batches = new SplittableRandom(s.seed() + 2);
    }

    private static List<AssistantData.Sample> samples(long seed, int n) {
        AssistantData d = new AssistantData(seed);
        List<AssistantData.Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(d.next());
        return out;
    }

    /** GPT-2's initialisation: N(0, 0.02), the projections into the residual stream scaled by 1/√(2·layers), norms 1. */
    public static Map<String, Tensor> initialWeights(LlamaConfig c, Rng rng) {
        Map<String, Tensor> w = new LinkedHashMap<>();
        double std = 0.02, residual = std / Math.sqrt(2.0 * c.layers());
        w.put("model.embed_tokens.weight", Init.normal(Tensor.zeros(c.vocabSize(), c.dim()), 0, std, rng));
        for (int l = 0; l < c.layers(); l++) {
            String p = "model.layers." + l + ".";
            w.put(p + "input_layernorm.weight", Init.constant(Tensor.zeros(c.dim()), 1f));
            w.put(p + "self_attn.q_proj.weight", Init.normal(Tensor.zeros(c.qDim(), c.dim()), 0, std, rng));
            w.put(p + "self_attn.k_proj.weight", Init.normal(Tensor.zeros(c.kvDim(), c.dim()), 0, std, rng));
            w.put(p + "self_attn.v_proj.weight", Init.normal(Tensor.zeros(c.kvDim(), c.dim()), 0, std, rng));
            w.put(p + "self_attn.o_proj.weight", Init.normal(Tensor.zeros(c.dim(), c.qDim()), 0, residual, rng));
            w.put(p + "post_attention_layernorm.weight", Init.constant(Tensor.zeros(c.dim()), 1f));
            w.put(p + "mlp.gate_proj.weight", Init.normal(Tensor.zeros(c.ffnDim(), c.dim()), 0, std, rng));
            w.put(p + "mlp.up_proj.weight", Init.normal(Tensor.zeros(c.ffnDim(), c.dim()), 0, std, rng));
            w.put(p + "mlp.down_proj.weight", Init.normal(Tensor.zeros(c.dim(), c.ffnDim()), 0, residual, rng));
        }
        w.put("model.norm.weight", Init.constant(Tensor.zeros(c.dim()), 1f));
        return w;
    }

    public LlamaModel model() {
        return model;
    }

    public LlamaConfig config() {
        return config;
    }

    public AssistantCorpus trainCorpus() {
        return train;
    }

    AssistantCorpus validationCorpus() {
        return val;
    }

    /** The windows every evaluation scores: EVAL_WINDOWS of them, spread over the validation conversations. */
    static int[] evaluationStarts(AssistantCorpus val) {
        int[] starts = new int[EVAL_WINDOWS];
        int stride = Math.max(1, val.conversations() / EVAL_WINDOWS);
        for (int i = 0; i < EVAL_WINDOWS; i++) starts[i] = val.start((i * stride) % val.conversations());
        return starts;
    }

    public long parameters() {
        long n = 0;
        for (Tensor t : model.stateDict().values()) n += t.numel();
        return n;
    }

    @Override
    public AdamW optimizer() {
        return optimizer;
    }

    @Override
    public Batch loss(int step) {
        Tensor sum = null;
        for (int b = 0; b < s.batch(); b++) {
            int[][] xy = train.window(train.start(batches.nextInt(train.conversations())), config.contextLength(), IGNORE);
            Tensor l = windowLoss(xy);
            sum = sum == null ? l : sum.add(l);
        }
        return Batch.of(sum.mul(1f / s.batch()), (long) s.batch() * config.contextLength());
    }

    private Tensor windowLoss(int[][] xy) {
        Tensor logits = model.forward(xy[0], null, true);
        return F.crossEntropy(logits, xy[1], IGNORE, 0f);
    }

    @Override
    public Score evaluate(int done, double meanTrainLoss) {
        double sum = 0;
        try (Grad g = Grad.off()) {
            for (int start : evaluationStarts(val)) sum += windowLoss(val.window(start, config.contextLength(), IGNORE)).item();
        }
        return new Score(meanTrainLoss, TrainingDiverged.check(sum / EVAL_WINDOWS, "the evaluation after " + done + " steps"));
    }

    @Override
    public boolean save(int done, double best, List<TrainEvent.Eval> history) throws IOException {
        if (done == 0 || out == null) return false;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        GgufModelWriter.write(tmp, config, "genai4j tiny assistant", model.stateDict(), vocab, AssistantTemplate.SOURCE, s.fileType(), Map.of());
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
