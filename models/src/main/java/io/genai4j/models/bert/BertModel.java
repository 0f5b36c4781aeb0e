package io.genai4j.models.bert;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.Attention;
import io.genai4j.text.wordpiece.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * The BERT encoder (Devlin et al. 2019): embeddings, then L identical post-LN layers of
 * bidirectional self-attention and a GELU feed-forward network. Parameter names are Hugging
 * Face's ({@code embeddings.word_embeddings.weight}, {@code encoder.layer.0.attention.self.query.weight},
 * ...), so a BertModel checkpoint loads by name. No pooler: sentence embeddings pool the last
 * hidden state ({@link Pooling}).
 */
public final class BertModel extends Module {
    private final BertConfig config;
    final BertEmbeddings embeddings;
    final List<BertLayer> layers = new ArrayList<>();

    public BertModel(BertConfig config, Rng rng) {
        this.config = config;
        embeddings = add("embeddings", new BertEmbeddings(config, rng));
        Encoder encoder = add("encoder", new Encoder());
        for (int i = 0; i < config.layers(); i++) layers.add(encoder.layer.add(new BertLayer(config, rng)));
    }

    /**
     * Freezes the weights and prepares inference: no gradients, dropout-free, QKV projections
     * stacked into one matrix per layer. Call again after changing weights.
     */
    public BertModel prepareInference() {
        eval();
        freeze();
        for (BertLayer l : layers) l.self.fuse();
        return this;
    }

    public BertConfig config() {
        return config;
    }

    /** The last hidden state [B, T, hidden] of a padded batch; padded keys are masked out of attention. */
    public Tensor forward(Batch batch) {
        return run(batch, null);
    }

    /**
     * The last hidden state, collecting each layer's attention weights [B, heads, T, T] into
     * attentions (one entry per layer).
     */
    public Tensor forward(Batch batch, List<Tensor> attentions) {
        return run(batch, attentions);
    }

    private Tensor run(Batch batch, List<Tensor> attentions) {
        int b = batch.size(), t = batch.length();
        Tensor x = embeddings.forward(batch.ids(), batch.typeIds(), b, t);
        Tensor pad = keyPadding(batch);
        for (BertLayer layer : layers) {
            Attention.Result r = layer.forward(x, pad, attentions != null);
            x = r.output();
            if (attentions != null) attentions.add(r.weights());
        }
        return x;
    }

    /** [B, T] with 1 where the attention mask is 0 (padding), or null when nothing is padded. */
    static Tensor keyPadding(Batch batch) {
        int[] m = batch.attentionMask();
        float[] pad = new float[m.length];
        boolean any = false;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 0) {
                pad[i] = 1f;
                any = true;
            }
        }
        return any ? Tensor.of(pad, batch.size(), batch.length()) : null;
    }

    /** "encoder" holding "layer.0", "layer.1", ... */
    static final class Encoder extends Module {
        final Layers layer = add("layer", new Layers());
    }

    static final class Layers extends Module {
        private int n;

        BertLayer add(BertLayer l) {
            return add(Integer.toString(n++), l);
        }
    }
}
