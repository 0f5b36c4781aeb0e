package io.genai4j.models.seq2seq;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.ops.Recurrence;
import io.genai4j.models.translation.Batch;
import io.genai4j.models.translation.DecoderState;
import io.genai4j.models.translation.TranslationModel;
import java.util.Arrays;
import java.util.Map;

/**
 * The RNN encoder-decoder with attention. A bidirectional GRU/LSTM reads the source
 * ({@link Encoder}); a GRU/LSTM decoder writes the target one token at a time, looking back at the
 * source through attention at every step:
 * <pre>
 *   Bahdanau (additive):   c_i = attend(s_{i−1});  s_i = RNN([E·y_{i−1}; c_i], s_{i−1});  o_i = tanh(W_o·[s_i; c_i; E·y_{i−1}])
 *   Luong (dot, input feeding):  s_t = RNN([E·y_{t−1}; h̃_{t−1}], s_{t−1});  c_t = attend(s_t);  h̃_t = tanh(W_c·[c_t; s_t])
 *   p(y_i | y_&lt;i, x) = softmax(o_i·Eᵀ)
 * </pre>
 * One embedding table E serves the source, the target and the output layer (the vocabulary is
 * shared), as in the Transformer, so the two models differ only in how they relate positions.
 * Training uses teacher forcing: the decoder reads the reference's previous token, not its own guess.
 */
public final class Seq2Seq extends Module implements TranslationModel {
    public final Seq2SeqConfig config;
    private final Embedding embedding;
    private final Encoder encoder;
    private final SourceAttention attention;
    private final CellStack decoder;
    private final Linear readout;
    private final Dropout dropout;
    private final boolean bahdanau;
    private final float inputScale;

    public Seq2Seq(Seq2SeqConfig c, Rng rng) {
        this.config = c;
        this.bahdanau = c.attention().equals("bahdanau");
        embedding = add("embedding", new Embedding(c.vocab(), c.embed(), rng));
        Init.normal(embedding.weight, 0, 1 / Math.sqrt(c.embed()), rng);   // tied with the output: rows of norm ≈ 1
        inputScale = (float) Math.sqrt(c.embed());                          // inputs ~ N(0, 1)
        encoder = add("encoder", new Encoder(c, rng));
        int enc = 2 * c.hidden();
        attention = add("attention", bahdanau ? new BahdanauAttention(c.hidden(), enc, c.hidden(), rng) : new LuongAttention(c.hidden(), enc, rng));
        decoder = add("decoder", new CellStack(c.cell(), c.embed() + (bahdanau ? enc : c.embed()), c.hidden(), c.layers(), c.dropout(), rng));
        readout = add("readout", new Linear(bahdanau ? c.hidden() + enc + c.embed() : enc + c.hidden(), c.embed(), true, rng));
        dropout = add("dropout", new Dropout(c.dropout(), rng));
    }

    @Override
    public Module module() {
        return this;
    }

    @Override
    public String kind() {
        return "seq2seq";
    }

    @Override
    public Map<String, Object> config() {
        return config.toMap();
    }

    private Tensor embed(int[] ids, int... shape) {
        return dropout.forward(embedding.forward(ids, shape).mul(inputScale));
    }

    /** What the decoder carries from one step to the next. */
    private record Carry(CellStack.State state, Tensor feed) {}

    /** One decoder step: the next carry, the output vector o [B, E] and the attention weights [B, S]. */
    private record StepOut(Carry carry, Tensor out, Tensor alpha) {}

    private StepOut step(Tensor e, Carry carry, Tensor annotations, Tensor keys, Tensor pad) {
        if (bahdanau) {
            SourceAttention.Result r = attention.attend(carry.state().top(), keys, annotations, pad);     // c_i from s_{i−1}
            CellStack.State s = decoder.step(F.cat(-1, e, r.context()), carry.state());
            Tensor o = readout.forward(F.cat(-1, s.top(), r.context(), e)).tanh();
            return new StepOut(new Carry(s, null), o, r.weights());
        }
        CellStack.State s = decoder.step(F.cat(-1, e, carry.feed()), carry.state());                    // input feeding
        SourceAttention.Result r = attention.attend(s.top(), keys, annotations, pad);                    // c_t from s_t
        Tensor h = readout.forward(F.cat(-1, r.context(), s.top())).tanh();                             // h̃_t
        return new StepOut(new Carry(s, h), h, r.weights());
    }

    private Carry start(Encoder.Encoded enc, int b) {
        return new Carry(decoder.start(enc.decoderStart()), bahdanau ? null : Tensor.zeros(b, config.embed()));
    }

    private Tensor logits(Tensor o) {
        return dropout.forward(o).matmul(embedding.weight.mT());
    }

    @Override
    public Tensor loss(Batch batch, float labelSmoothing) {
        int b = batch.b(), t = batch.t();
        Encoder.Encoded enc = encoder.forward(embed(batch.src(), b, batch.s()), batch.srcMask());
        Tensor keys = attention.keys(enc.annotations()), pad = batch.srcPadding();
        Tensor[] target = Recurrence.unbind(embed(batch.tgtIn(), b, t), 1);   // E·y_{i−1} per step
        Carry carry = start(enc, b);
        Tensor[] outs = new Tensor[t];
        for (int i = 0; i < t; i++) {
            StepOut so = step(target[i], carry, enc.annotations(), keys, pad);
            outs[i] = so.out();
            carry = so.carry();
        }
        Tensor logits = logits(F.stack(1, outs));                                                          // [B, T, V], one GEMM
        return F.crossEntropy(logits.reshape(b * t, config.vocab()), batch.tgtOut(), batch.pad(), labelSmoothing);
    }

    @Override
    public DecoderState start(int[][] sources) {
        int n = sources.length, s = 0;
        for (int[] x : sources) s = Math.max(s, x.length);
        int[] ids = new int[n * s];
        float[] mask = new float[n * s], pad = new float[n * s];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < s; j++) {
                boolean real = j < sources[i].length;
                ids[i * s + j] = real ? sources[i][j] : sources[i][sources[i].length - 1];
                mask[i * s + j] = real ? 1f : 0f;
                pad[i * s + j] = real ? 0f : 1f;
            }
        }
        Encoder.Encoded enc = encoder.forward(embed(ids, n, s), Tensor.of(mask, n, s));
        return new State(start(enc, n), enc.annotations(), attention.keys(enc.annotations()), Tensor.of(pad, n, s));
    }

    /** The decoder between steps, for greedy and beam search. */
    private final class State implements DecoderState {
        private Carry carry;
        private final Tensor annotations, keys, pad;

        State(Carry carry, Tensor annotations, Tensor keys, Tensor pad) {
            this.carry = carry;
            this.annotations = annotations;
            this.keys = keys;
            this.pad = pad;
        }

        @Override
        public Step step(int[] tokens) {
            StepOut so = Seq2Seq.this.step(embed(tokens, tokens.length), carry, annotations, keys, pad);
            carry = so.carry();
            Tensor logp = logits(so.out()).logSoftmax(-1);
            int n = tokens.length, s = so.alpha().size(1);
            float[] a = so.alpha().contiguous().toArray();
            float[][] rows = new float[n][];
            for (int i = 0; i < n; i++) rows[i] = Arrays.copyOfRange(a, i * s, (i + 1) * s);
            return new Step(logp, rows);
        }

        @Override
        public DecoderState select(int[] rows) {
            Carry c = new Carry(carry.state().select(rows), carry.feed() == null ? null : F.indexSelect(carry.feed(), 0, rows));
            return new State(c, F.indexSelect(annotations, 0, rows), F.indexSelect(keys, 0, rows), F.indexSelect(pad, 0, rows));
        }
    }
}
