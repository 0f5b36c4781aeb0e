package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.DecoderPlan;
import io.genai4j.engine.infer.DecoderRuntime;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.PlanAdapters;
import io.genai4j.engine.nn.Container;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.Attention;
import io.genai4j.engine.ops.F;
import java.util.ArrayList;
import java.util.List;

/**
 * GPT-2 (Radford et al. 2019) for inference from a model file, as llama.cpp's gpt2 graph:
 * <pre>
 *   x = wte[ids] + wpe[positions]
 *   Block: x = x + c_proj(attn(ln_1(x)))     Q, K, V = split(c_attn(ln_1(x)))
 *          x = x + mlp.c_proj(GELU(mlp.c_fc(ln_2(x))))
 *   logits = ln_f(x)·Wᵀ                       W = lm_head, or wte when tied
 * </pre>
 * GELU is GPT-2's tanh approximation unless the config asks for the exact erf form (nanoGPT's
 * nn.GELU(), recorded in the GGUF files genai4j exports). Names follow Hugging Face's GPT2LMHeadModel
 * ({@code transformer.h.0.attn.c_attn.weight}), with weights laid out [out, in] like every Linear.
 *
 * <p>{@link #forward} runs these modules (the reference); inference runs the same weights through
 * {@link DecoderRuntime} ({@link #newSession}) from the {@link #plan} they describe.
 */
public final class Gpt2Model extends DecoderModel {
    final Embedding wte, wpe;
    final Block[] h;
    final LayerNorm lnF;
    final Linear lmHead;

    /** One pre-LN transformer block. */
    static final class Block extends Module {
        final LayerNorm ln1, ln2;
        final Linear cAttn, attnProj, cFc, mlpProj;
        private final LlamaConfig c;

        Block(LlamaConfig c, WeightSource w, String p) {
            this.c = c;
            int d = c.dim();
            ln1 = add("ln_1", LayerNorm.frozen(WeightSource.shaped(w.require(p + "ln_1.weight"), p + "ln_1.weight", d), w.optional(p + "ln_1.bias"), c.normEps()));
            Container attn = add("attn", new Container());
            cAttn = attn.put("c_attn", Linear.frozen(WeightSource.shaped(w.require(p + "attn.c_attn.weight"), p + "attn.c_attn.weight", 3 * d, d), w.optional(p + "attn.c_attn.bias")));
            attnProj = attn.put("c_proj", Linear.frozen(WeightSource.shaped(w.require(p + "attn.c_proj.weight"), p + "attn.c_proj.weight", d, d), w.optional(p + "attn.c_proj.bias")));
            ln2 = add("ln_2", LayerNorm.frozen(WeightSource.shaped(w.require(p + "ln_2.weight"), p + "ln_2.weight", d), w.optional(p + "ln_2.bias"), c.normEps()));
            Container mlp = add("mlp", new Container());
            cFc = mlp.put("c_fc", Linear.frozen(WeightSource.shaped(w.require(p + "mlp.c_fc.weight"), p + "mlp.c_fc.weight", c.ffnDim(), d), w.optional(p + "mlp.c_fc.bias")));
            mlpProj = mlp.put("c_proj", Linear.frozen(WeightSource.shaped(w.require(p + "mlp.c_proj.weight"), p + "mlp.c_proj.weight", d, c.ffnDim()), w.optional(p + "mlp.c_proj.bias")));
        }

        Tensor forward(Tensor x, KvCache cache, int layer) {
            int t = x.size(1), d = c.dim(), hd = c.headDim();
            Tensor[] qkv = F.split(cAttn.forward(ln1.forward(x)), -1, d, d, d);
            Tensor q = qkv[0].reshape(1, t, c.heads(), hd).transpose(1, 2);
            Tensor k = qkv[1].reshape(1, t, c.heads(), hd).transpose(1, 2);
            Tensor v = qkv[2].reshape(1, t, c.heads(), hd).transpose(1, 2);
            if (cache != null) {
                Tensor[] kv = cache.append(layer, k, v);
                k = kv[0];
                v = kv[1];
            }
            Tensor o = Attention.attention(q, k, v, true, null, (float) (1 / Math.sqrt(hd)), false).output();
            x = x.add(attnProj.forward(o.transpose(1, 2).reshape(1, t, d)));
            Tensor hmid = cFc.forward(ln2.forward(x));
            hmid = c.geluErf() ? hmid.gelu() : hmid.geluTanh();
            return x.add(mlpProj.forward(hmid));
        }
    }

    public Gpt2Model(LlamaConfig c, WeightSource w) {
        super(c);
        if (c.arch() != Arch.GPT2) throw new IllegalArgumentException("Gpt2Model runs gpt2, not " + c.arch());
        Container tr = add("transformer", new Container());
        Tensor emb = WeightSource.shaped(w.require("transformer.wte.weight"), "transformer.wte.weight", c.vocabSize(), c.dim());
        wte = tr.put("wte", Embedding.frozen(emb));
        wpe = tr.put("wpe", Embedding.frozen(WeightSource.shaped(w.require("transformer.wpe.weight"), "transformer.wpe.weight", c.contextLength(), c.dim())));
        Container hs = tr.put("h", new Container());
        h = new Block[c.layers()];
        for (int i = 0; i < h.length; i++) h[i] = hs.put(Integer.toString(i), new Block(c, w, "transformer.h." + i + "."));
        lnF = tr.put("ln_f", LayerNorm.frozen(WeightSource.shaped(w.require("transformer.ln_f.weight"), "transformer.ln_f.weight", c.dim()),
                w.optional("transformer.ln_f.bias"), c.normEps()));
        lmHead = outputHead(w, emb);
    }

    @Override
    public Tensor forward(int[] tokens, KvCache cache, boolean allPositions) {
        int t = tokens.length;
        int start = startPosition(tokens, cache);
        int[] pos = new int[t];
        for (int i = 0; i < t; i++) pos[i] = start + i;
        Tensor x = wte.forward(tokens, 1, t).add(wpe.forward(pos, 1, t));
        for (int l = 0; l < h.length; l++) x = h[l].forward(x, cache, l);
        if (cache != null) cache.advance(t);
        if (!allPositions) x = x.narrow(1, t - 1, 1);
        return lmHead.forward(lnF.forward(x)).reshape(-1, config().vocabSize());
    }

    /** c_attn's side path fills Q|K|V, c_fc's the whole up group (GELU has no gate); null when no layer has an adapter. */
    @Override
    PlanAdapters adapters() {
        PlanSides sides = new PlanSides();
        for (Block b : h) {
            sides.layer(List.of(new PlanSides.Site(b.cAttn, 0)), List.of(new PlanSides.Site(b.attnProj, 0)),
                    List.of(new PlanSides.Site(b.cFc, 0)), List.of(new PlanSides.Site(b.mlpProj, 0)));
        }
        return sides.build(lmHead);
    }

    @Override
    public DecoderPlan plan() {
        List<Gpt2Plan.Block> blocks = new ArrayList<>(h.length);
        for (Block b : h) blocks.add(new Gpt2Plan.Block(b.ln1, b.cAttn, b.attnProj, b.ln2, b.cFc, b.mlpProj));
        return Gpt2Plan.of(config(), wte, wpe, blocks, lnF, lmHead.weight);
    }
}
