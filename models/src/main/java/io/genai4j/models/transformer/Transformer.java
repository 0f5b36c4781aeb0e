package io.genai4j.models.transformer;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;
import io.genai4j.engine.nn.PositionalEncoding;
import io.genai4j.engine.ops.F;
import io.genai4j.models.translation.Batch;
import io.genai4j.models.translation.DecoderState;
import io.genai4j.models.translation.TranslationModel;
import java.util.Map;

/**
 * The Transformer of "Attention Is All You Need" (Vaswani et al. 2017) as an encoder-decoder
 * translator:
 * <pre>
 *   x_0 = Dropout(√d_model · E[x] + PE)             §3.4 shared embeddings, §3.5 sinusoidal positions
 *   z   = Encoder_N(... Encoder_1(x_0))             self-attention + FFN, add &amp; norm
 *   y_0 = Dropout(√d_model · E[&lt;s&gt; y_1 .. y_{m}] + PE)
 *   h   = Decoder_N(... Decoder_1(y_0, z), z)       masked self-attention, encoder-decoder attention, FFN
 *   p(y_{i+1} | y_≤i, x) = softmax(h_i · Eᵀ)          the pre-softmax weights are the embedding (§3.4)
 * </pre>
 * One embedding table for source, target and output, since the BPE vocabulary is shared. It is
 * drawn from N(0, d_model^−½), so that √d_model·E has unit-variance rows.
 */
public final class Transformer extends Module implements TranslationModel {
    public final TransformerConfig config;
    private final Embedding embedding;
    private final PositionalEncoding positions;
    private final Dropout dropout;
    private final EncoderLayer[] encoder;
    private final DecoderLayer[] decoder;
    private final float scale;

    public Transformer(TransformerConfig c, Rng rng) {
        this.config = c;
        embedding = add("embedding", new Embedding(c.vocab(), c.dModel(), rng));
        Init.normal(embedding.weight, 0, 1 / Math.sqrt(c.dModel()), rng);
        scale = (float) Math.sqrt(c.dModel());
        positions = add("positional_encoding", new PositionalEncoding(c.maxLen(), c.dModel()));
        dropout = add("dropout", new Dropout(c.dropout(), rng));
        encoder = new EncoderLayer[c.layers()];
        decoder = new DecoderLayer[c.layers()];
        for (int l = 0; l < c.layers(); l++) encoder[l] = add("encoder_" + l, new EncoderLayer(c, rng));
        for (int l = 0; l < c.layers(); l++) decoder[l] = add("decoder_" + l, new DecoderLayer(c, rng));
    }

    @Override
    public Module module() {
        return this;
    }

    @Override
    public String kind() {
        return "transformer";
    }

    @Override
    public Map<String, Object> config() {
        return config.toMap();
    }

    @Override
    public int maxTargetLength() {
        return config.maxLen();
    }

    /** Dropout(√d_model · E[ids] + PE): the input of either stack, [B, T, d_model]. */
    private Tensor embed(int[] ids, int b, int t) {
        if (t > config.maxLen()) throw new IllegalArgumentException("sequence of " + t + " tokens exceeds the model's " + config.maxLen() + " positions");
        return dropout.forward(positions.forward(embedding.forward(ids, b, t).mul(scale)));
    }

    /** The encoder output z [B, S, d_model] for source ids [B·S] (srcPad [B, S]: 1 at padding). */
    public Tensor encode(int[] src, int b, int s, Tensor srcPad) {
        Tensor x = embed(src, b, s);
        for (EncoderLayer layer : encoder) x = layer.forward(x, srcPad);
        return x;
    }

    /** The decoder output h [B, T, d_model] and the last layer's encoder-decoder attention [B, h, T, S] (if asked). */
    public DecoderLayer.Output decode(int[] tgtIn, int b, int t, Tensor memory, Tensor srcPad, boolean keepWeights) {
        Tensor y = embed(tgtIn, b, t);
        Tensor w = null;
        for (int l = 0; l < decoder.length; l++) {
            DecoderLayer.Output o = decoder[l].forward(y, memory, srcPad, keepWeights && l == decoder.length - 1);
            y = o.output();
            w = o.crossWeights();
        }
        return new DecoderLayer.Output(y, w);
    }

    /**
     * Every decoder layer's encoder-decoder attention for one sentence pair, [layer][head][target
     * position][source position]: target position i is the step that reads tgtIn[i] and predicts the
     * next token.
     */
    public float[][][][] crossAttentionMaps(int[] src, int[] tgtIn) {
        try (var g = Grad.off()) {
            Tensor pad = Tensor.zeros(1, src.length);
            Tensor memory = encode(src, 1, src.length, pad);
            Tensor y = embed(tgtIn, 1, tgtIn.length);
            float[][][][] maps = new float[decoder.length][][][];
            for (int l = 0; l < decoder.length; l++) {
                DecoderLayer.Output o = decoder[l].forward(y, memory, pad, true);
                y = o.output();
                Tensor w = o.crossWeights();
                int h = w.size(1), t = w.size(2), s = w.size(3);
                maps[l] = new float[h][t][s];
                for (int k = 0; k < h; k++) for (int i = 0; i < t; i++) for (int j = 0; j < s; j++) maps[l][k][i][j] = w.get(0, k, i, j);
            }
            return maps;
        }
    }

    /** Logits h·Eᵀ [..., V]. */
    public Tensor logits(Tensor h) {
        return h.matmul(embedding.weight.mT());
    }

    @Override
    public Tensor loss(Batch batch, float labelSmoothing) {
        Tensor srcPad = batch.srcPadding();
        Tensor memory = encode(batch.src(), batch.b(), batch.s(), srcPad);
        Tensor h = decode(batch.tgtIn(), batch.b(), batch.t(), memory, srcPad, false).output();
        return F.crossEntropy(logits(h).reshape(batch.b() * batch.t(), config.vocab()), batch.tgtOut(), batch.pad(), labelSmoothing);
    }

    @Override
    public DecoderState start(int[][] sources) {
        int n = sources.length, s = 0;
        for (int[] x : sources) s = Math.max(s, x.length);
        int[] ids = new int[n * s];
        float[] pad = new float[n * s];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < s; j++) {
                boolean real = j < sources[i].length;
                ids[i * s + j] = real ? sources[i][j] : sources[i][sources[i].length - 1];
                pad[i * s + j] = real ? 0f : 1f;
            }
        }
        Tensor srcPad = Tensor.of(pad, n, s);
        return new State(encode(ids, n, s, srcPad), srcPad);
    }

    /**
     * The decoder between steps: per layer the projected encoder output (K, V of the
     * encoder-decoder attention, computed once) and the self-attention keys and values of the
     * target so far (a KV cache), so each step runs the decoder on the newest position only. The
     * attention reported is the last layer's encoder-decoder attention, averaged over heads.
     */
    private final class State implements DecoderState {
        private final Tensor srcPad;
        private final Tensor[] crossK, crossV;
        private final Tensor[][] selfKv;
        private int t;

        State(Tensor memory, Tensor srcPad) {
            this.srcPad = srcPad;
            int n = decoder.length;
            crossK = new Tensor[n];
            crossV = new Tensor[n];
            selfKv = new Tensor[n][2];
            for (int l = 0; l < n; l++) {
                MultiHeadAttention ca = decoder[l].crossAttn;
                crossK[l] = ca.splitHeads(ca.wk.forward(memory));
                crossV[l] = ca.splitHeads(ca.wv.forward(memory));
            }
        }

        private State(Tensor srcPad, Tensor[] crossK, Tensor[] crossV, Tensor[][] selfKv, int t) {
            this.srcPad = srcPad;
            this.crossK = crossK;
            this.crossV = crossV;
            this.selfKv = selfKv;
            this.t = t;
        }

        @Override
        public Step step(int[] tokens) {
            int n = tokens.length;
            if (t >= config.maxLen()) throw new IllegalArgumentException("translation longer than the model's " + config.maxLen() + " positions");
            // √d_model · E[y_t] + PE(t), one position
            Tensor y = embedding.forward(tokens, n, 1).mul(scale).add(positions.table.narrow(0, t, 1));
            Tensor w = null;
            for (int l = 0; l < decoder.length; l++) {
                DecoderLayer.Output o = decoder[l].step(y, selfKv[l], crossK[l], crossV[l], srcPad, l == decoder.length - 1);
                y = o.output();
                w = o.crossWeights();                                                  // [N, h, 1, S]
            }
            t++;
            Tensor logp = logits(y.squeeze(1)).logSoftmax(-1);
            int heads = w.size(1), s = w.size(3);
            float[] wd = w.contiguous().toArray();
            float[][] att = new float[n][s];
            for (int i = 0; i < n; i++) {
                for (int h = 0; h < heads; h++) for (int j = 0; j < s; j++) att[i][j] += wd[(i * heads + h) * s + j] / heads;
            }
            return new Step(logp, att);
        }

        @Override
        public DecoderState select(int[] rows) {
            int n = decoder.length;
            Tensor[] ck = new Tensor[n], cv = new Tensor[n];
            Tensor[][] kv = new Tensor[n][2];
            for (int l = 0; l < n; l++) {
                ck[l] = F.indexSelect(crossK[l], 0, rows);
                cv[l] = F.indexSelect(crossV[l], 0, rows);
                for (int k = 0; k < 2; k++) kv[l][k] = selfKv[l][k] == null ? null : F.indexSelect(selfKv[l][k], 0, rows);
            }
            return new State(F.indexSelect(srcPad, 0, rows), ck, cv, kv, t);
        }
    }
}
