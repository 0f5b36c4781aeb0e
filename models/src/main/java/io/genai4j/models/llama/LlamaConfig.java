package io.genai4j.models.llama;

/**
 * The hyperparameters of a decoder, in llama.cpp's terms (GGUF keys {@code <arch>.*}).
 *
 * @param headDim        per-head width of Q and K (attention.key_length; qwen3 sets it apart from dim/heads)
 * @param ropeDim        rotated dimensions per head (rope.dimension_count; usually headDim)
 * @param ropeFreqFactors per-pair divisors of the rotation frequency (Llama 3.1's rope_freqs), or null
 * @param ropeFreqScale  positions are multiplied by this (linear RoPE scaling: 1/factor)
 * @param tiedEmbeddings the output projection is the token embedding
 * @param geluErf        gpt2 only: exact GELU (nanoGPT, PyTorch's nn.GELU) instead of GPT-2's tanh approximation
 */
public record LlamaConfig(Arch arch, int vocabSize, int dim, int layers, int heads, int kvHeads, int headDim,
                          int ffnDim, int contextLength, float normEps, float ropeTheta, RopeStyle ropeStyle, int ropeDim,
                          float[] ropeFreqFactors, float ropeFreqScale, boolean tiedEmbeddings, boolean geluErf) {

    public LlamaConfig {
        if (vocabSize < 1 || dim < 1 || layers < 1 || heads < 1 || kvHeads < 1 || headDim < 1 || ffnDim < 1 || contextLength < 1) {
            throw new IllegalArgumentException("model dimensions must be positive: vocab " + vocabSize + ", dim " + dim + ", layers " + layers
                    + ", heads " + heads + ", kv heads " + kvHeads + ", head dim " + headDim + ", ffn " + ffnDim + ", context " + contextLength);
        }
        // Rope tables and attention buffers are sized by these before any weight is read.
        if (headDim > MAX_HEAD_DIM) throw new IllegalArgumentException("head dimension " + headDim + " is larger than " + MAX_HEAD_DIM);
        if ((long) heads * headDim > Integer.MAX_VALUE) throw new IllegalArgumentException(heads + " heads of " + headDim + " overflow an int");
        if (heads % kvHeads != 0) throw new IllegalArgumentException(heads + " attention heads cannot be shared by " + kvHeads + " key/value heads");
        if (ropeStyle != RopeStyle.NONE && (ropeDim < 2 || ropeDim > headDim || ropeDim % 2 != 0)) {
            throw new IllegalArgumentException("rotary dimension " + ropeDim + " must be even and at most the head dimension " + headDim);
        }
        if (ropeFreqFactors != null && ropeFreqFactors.length != ropeDim / 2) {
            throw new IllegalArgumentException("rope_freqs has " + ropeFreqFactors.length + " factors, expected " + ropeDim / 2);
        }
        if (!(normEps > 0)) throw new IllegalArgumentException("norm epsilon must be positive, got " + normEps);
    }

    /** Wider than any published model's heads (256) by far; larger values can only come from a corrupt file. */
    public static final int MAX_HEAD_DIM = 1 << 16;

    /** The same model with the output projection tied to the token embedding, or not. */
    public LlamaConfig withTiedEmbeddings(boolean tied) {
        return new LlamaConfig(arch, vocabSize, dim, layers, heads, kvHeads, headDim, ffnDim, contextLength, normEps, ropeTheta, ropeStyle, ropeDim,
                ropeFreqFactors, ropeFreqScale, tied, geluErf);
    }

    public int qDim() {
        return heads * headDim;
    }

    public int kvDim() {
        return kvHeads * headDim;
    }
}
