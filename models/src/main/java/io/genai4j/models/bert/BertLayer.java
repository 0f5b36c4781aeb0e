package io.genai4j.models.bert;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.Attention;
import io.genai4j.engine.ops.F;

/**
 * One BERT encoder layer: the original Transformer's post-LN block (Vaswani et al. §3.1), with GELU.
 * <pre>
 *   A = LayerNorm(X + SelfAttention(X)·W^O + b^O)
 *   Y = LayerNorm(A + GELU(A·W_1 + b_1)·W_2 + b_2)
 * </pre>
 * Children are named as in Hugging Face's BertLayer: attention.self.{query,key,value},
 * attention.output.{dense,LayerNorm}, intermediate.dense, output.{dense,LayerNorm}.
 */
public final class BertLayer extends Module {
    final BertSelfAttention self;
    final Linear attnOut, inter, out;
    final LayerNorm attnNorm, outNorm;

    BertLayer(BertConfig c, Rng rng) {
        Attn attention = add("attention", new Attn(c, rng));
        self = attention.self;
        attnOut = attention.output.dense;
        attnNorm = attention.output.norm;
        Dense intermediate = add("intermediate", new Dense(c.hidden(), c.intermediate(), null, rng));
        inter = intermediate.dense;
        Dense output = add("output", new Dense(c.intermediate(), c.hidden(), c, rng));
        out = output.dense;
        outNorm = output.norm;
    }

    /** x [B, T, H] → [B, T, H]; weights [B, h, T, T] when asked for. */
    Attention.Result forward(Tensor x, Tensor keyPadding, boolean keepWeights) {
        Attention.Result a = self.forward(x, keyPadding, keepWeights);
        // F.linear = x·Wᵀ + b in one op (the bias rides on the GEMM), the same maths as Linear.forward.
        Tensor h = attnNorm.forward(x.add(F.linear(a.output(), attnOut.weight, attnOut.bias)));
        Tensor f = F.linear(F.linear(h, inter.weight, inter.bias).gelu(), out.weight, out.bias);
        return new Attention.Result(outNorm.forward(h.add(f)), a.weights());
    }

    /** "attention": self-attention plus its output projection and norm. */
    static final class Attn extends Module {
        final BertSelfAttention self;
        final Dense output;

        Attn(BertConfig c, Rng rng) {
            self = add("self", new BertSelfAttention(c, rng));
            output = add("output", new Dense(c.hidden(), c.hidden(), c, rng));
        }
    }

    /** A "dense" Linear, optionally followed by a "LayerNorm" (HF's BertSelfOutput / BertOutput). */
    static final class Dense extends Module {
        final Linear dense;
        final LayerNorm norm;

        Dense(int in, int outDim, BertConfig withNorm, Rng rng) {
            dense = add("dense", new Linear(in, outDim, true, rng));
            norm = withNorm == null ? null : add("LayerNorm", new LayerNorm(outDim, withNorm.layerNormEps(), true));
        }
    }
}
