package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.gguf.GgufWriter;
import io.genai4j.engine.quant.BlockCodec;
import io.genai4j.text.vocab.TokenType;
import io.genai4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a model as llama.cpp's converter (convert_hf_to_gguf.py) would: GGUF tensor names,
 * {@code <arch>.*} hyperparameters, {@code tokenizer.ggml.*} vocabulary, and for llama the rows of
 * Wq and Wk permuted from Hugging Face's rotate_half layout to the adjacent pairs of RoPE NORM:
 * <pre>
 *   within each head of d rows:  new row 2j + s  =  old row s·d/2 + j      (s ∈ {0, 1}, j < d/2)
 * </pre>
 * Matrices are stored as {@code type} (F32, F16, BF16, Q8_0, Q4_0, Q4_1), vectors as F32.
 */
public final class GgufModelWriter {
    private GgufModelWriter() {}

    /**
     * @param weights Hugging Face names → tensors in Hugging Face layout (Linear weights [out, in])
     * @param extra   additional string metadata (e.g. genai4j.gelu)
     */
    public static void write(Path out, LlamaConfig c, String name, Map<String, Tensor> weights, Vocabulary vocab, String chatTemplate,
                             DType type, Map<String, String> extra) throws IOException {
        if (!BlockCodec.canEncode(type)) throw new IllegalArgumentException("cannot write weights as " + type + " (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_1)");
        String a = c.arch().ggufName();
        GgufWriter w = new GgufWriter();
        w.putString("general.architecture", a);
        w.putString("general.name", name);
        w.putU32(a + ".context_length", c.contextLength());
        w.putU32(a + ".embedding_length", c.dim());
        w.putU32(a + ".block_count", c.layers());
        w.putU32(a + ".feed_forward_length", c.ffnDim());
        w.putU32(a + ".attention.head_count", c.heads());
        if (c.arch() == Arch.GPT2) {
            w.putF32(a + ".attention.layer_norm_epsilon", c.normEps());
        } else {
            w.putU32(a + ".attention.head_count_kv", c.kvHeads());
            w.putF32(a + ".attention.layer_norm_rms_epsilon", c.normEps());
            w.putF32(a + ".rope.freq_base", c.ropeTheta());
            w.putU32(a + ".rope.dimension_count", c.ropeDim());
            if (c.headDim() != c.dim() / c.heads()) {
                w.putU32(a + ".attention.key_length", c.headDim());
                w.putU32(a + ".attention.value_length", c.headDim());
            }
            if (c.ropeFreqScale() != 1f) {
                w.putString(a + ".rope.scaling.type", "linear");
                w.putF32(a + ".rope.scaling.factor", 1f / c.ropeFreqScale());
            }
        }
        w.putU32(a + ".vocab_size", c.vocabSize());
        for (var e : extra.entrySet()) w.putString(e.getKey(), e.getValue());
        writeVocabulary(w, vocab);
        if (chatTemplate != null) w.putString("tokenizer.chat_template", chatTemplate);

        List<String> names = new ArrayList<>(weights.keySet());
        for (String hf : names) {
            if (c.tiedEmbeddings() && hf.equals("lm_head.weight")) continue;
            String g = GgufNames.toGguf(hf);
            if (g == null) throw new IllegalArgumentException("no GGUF name for tensor '" + hf + "'");
            Tensor t = weights.get(hf).to(DType.F32).contiguous();
            float[] x = t.toArray();
            int[] shape = t.shape();
            if (c.arch() == Arch.LLAMA && (hf.contains(".q_proj.") || hf.contains(".k_proj."))) {
                x = permuteRotary(x, hf.contains(".q_proj.") ? c.heads() : c.kvHeads(), shape[0], x.length / shape[0]);
            }
            long[] ls = new long[shape.length];
            for (int i = 0; i < shape.length; i++) ls[i] = shape[i];
            boolean matrix = shape.length == 2 && shape[1] % type.blockSize() == 0;
            DType dt = matrix ? type : DType.F32;
            int cols = shape[shape.length - 1], rows = x.length / Math.max(cols, 1);
            w.addTensor(g, dt, ls, BlockCodec.encodeRows(dt, x, rows, cols));
        }
        if (c.ropeFreqFactors() != null) {
            float[] f = c.ropeFreqFactors();
            w.addTensor("rope_freqs.weight", DType.F32, new long[] {f.length}, BlockCodec.encodeRows(DType.F32, f, 1, f.length));
        }
        w.write(out);
    }

    /** Hugging Face rotate_half rows → llama.cpp's interleaved pairs, head by head (see the class comment). */
    public static float[] permuteRotary(float[] w, int heads, int rows, int cols) {
        if (rows % heads != 0 || (rows / heads) % 2 != 0) throw new IllegalArgumentException(rows + " rows do not split into " + heads + " heads of even size");
        int d = rows / heads, half = d / 2;
        float[] out = new float[w.length];
        for (int h = 0; h < heads; h++) {
            for (int j = 0; j < half; j++) {
                for (int s = 0; s < 2; s++) {
                    int from = h * d + s * half + j, to = h * d + 2 * j + s;
                    System.arraycopy(w, from * cols, out, to * cols, cols);
                }
            }
        }
        return out;
    }

    static void writeVocabulary(GgufWriter w, Vocabulary v) {
        w.putString("tokenizer.ggml.model", v.model());
        w.putString("tokenizer.ggml.pre", v.pre());
        w.putStrings("tokenizer.ggml.tokens", v.tokens());
        int[] types = new int[v.size()];
        for (int i = 0; i < types.length; i++) types[i] = v.types()[i] == TokenType.UNDEFINED ? TokenType.NORMAL.code() : v.types()[i].code();
        w.putI32s("tokenizer.ggml.token_type", types);
        if (v.scores() != null) {
            float[] s = v.scores().clone();
            for (int i = 0; i < s.length; i++) if (Float.isNaN(s[i])) s[i] = -1e30f;   // no merge makes it: never preferred
            w.putFloats("tokenizer.ggml.scores", s);
        }
        if (v.merges() != null && v.model().equals("gpt2")) w.putStrings("tokenizer.ggml.merges", v.merges());
        if (v.bos() >= 0) w.putU32("tokenizer.ggml.bos_token_id", v.bos());
        if (v.eos() >= 0) w.putU32("tokenizer.ggml.eos_token_id", v.eos());
        if (v.unk() >= 0) w.putU32("tokenizer.ggml.unknown_token_id", v.unk());
        if (v.pad() >= 0) w.putU32("tokenizer.ggml.padding_token_id", v.pad());
        if (v.eot() >= 0 && v.eot() != v.eos()) w.putU32("tokenizer.ggml.eot_token_id", v.eot());
        w.putBool("tokenizer.ggml.add_bos_token", v.addBos());
        w.putBool("tokenizer.ggml.add_eos_token", v.addEos());
        if (v.model().equals("llama")) w.putBool("tokenizer.ggml.add_space_prefix", v.addSpacePrefix());
    }
}
