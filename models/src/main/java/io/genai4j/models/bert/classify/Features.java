package io.genai4j.models.bert.classify;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.ModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * What the frozen encoder says about each sentence, computed once and cached on disk so that
 * training a head costs no encoder passes: the pooled vector per sentence [N, H] (the encoder's
 * own pooling, before L2 normalisation) and, for sequence heads, every real token's last hidden
 * state (flattened [Σ lengths, H], with offsets). Token states are cached as F16: a head is
 * trained on them, so 3 significant digits are plenty, and the cache halves.
 */
public record Features(float[][] pooled, float[] tokens, int[] offsets, int hidden) {

    public int size() {
        return pooled.length;
    }

    public int length(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** Computes the features of texts (with a progress callback: sentences done). */
    public static Features compute(BertEncoder enc, List<String> texts, boolean withTokens, IntConsumer progress) {
        int h = enc.dimension(), n = texts.size();
        float[][] pooled = new float[n][];
        float[][] tok = withTokens ? new float[n][] : null;
        enc.forEachBatch(texts, BertEncoder.BATCH, (idx, batch, hidden) -> {
            float[][] p = enc.pooling().pool(hidden, batch.attentionMask());
            float[] hs = withTokens ? hidden.contiguous().toArray() : null;
            for (int i = 0; i < idx.length; i++) {
                pooled[idx[i]] = p[i];
                if (withTokens) {
                    int len = batch.realLength(i);   // real tokens sit first: padding is on the right
                    float[] t = new float[len * h];
                    System.arraycopy(hs, i * batch.length() * h, t, 0, len * h);
                    tok[idx[i]] = t;
                }
            }
            if (progress != null) progress.accept(idx.length);
        });
        if (!withTokens) return new Features(pooled, null, null, h);
        int[] off = new int[n + 1];
        for (int i = 0; i < n; i++) off[i + 1] = off[i] + tok[i].length / h;
        float[] flat = new float[Math.multiplyExact(off[n], h)];
        for (int i = 0; i < n; i++) System.arraycopy(tok[i], 0, flat, off[i] * h, tok[i].length);
        return new Features(pooled, flat, off, h);
    }

    /**
     * Features from the cache, or computed and cached. The key covers the model, the texts and
     * whether token states are kept, so a changed file or model never reuses stale features.
     */
    public static Features cached(BertEncoder enc, String split, List<String> texts, boolean withTokens, IntConsumer progress) throws IOException {
        Path file = ModelFiles.cacheDir().resolveSibling("features").resolve(enc.name() + "-" + enc.pooling().name().toLowerCase() + "-" + split + "-"
                + texts.size() + (withTokens ? "-tokens" : "") + "-" + digest(texts) + ".safetensors");
        if (Files.isRegularFile(file)) {
            Map<String, Tensor> t = Checkpoints.load(file);
            int n = t.get("pooled").size(0), h = t.get("pooled").size(1);
            float[] p = t.get("pooled").toArray();
            float[][] pooled = new float[n][];
            for (int i = 0; i < n; i++) pooled[i] = Arrays.copyOfRange(p, i * h, (i + 1) * h);
            if (!withTokens) return new Features(pooled, null, null, h);
            float[] o = t.get("offsets").toArray();
            int[] off = new int[o.length];
            for (int i = 0; i < o.length; i++) off[i] = (int) o[i];
            return new Features(pooled, t.get("tokens").toArray(), off, h);
        }
        Features f = compute(enc, texts, withTokens, progress);
        if (withTokens) {   // round as the cache will, so a fresh run and a cached run train on the same numbers
            Tensor half = Tensor.of(f.tokens, f.offsets[f.size()], f.hidden).to(DType.F16);
            f = new Features(f.pooled, half.to(DType.F32).toArray(), f.offsets, f.hidden);
        }
        Files.createDirectories(file.getParent());
        Map<String, Tensor> out = new LinkedHashMap<>();
        float[] p = new float[f.size() * f.hidden];
        for (int i = 0; i < f.size(); i++) System.arraycopy(f.pooled[i], 0, p, i * f.hidden, f.hidden);
        out.put("pooled", Tensor.of(p, f.size(), f.hidden));
        if (withTokens) {
            if (f.offsets[f.size()] >= 1 << 24) throw new IllegalStateException("too many tokens to cache offsets exactly");
            float[] o = new float[f.offsets.length];
            for (int i = 0; i < o.length; i++) o[i] = f.offsets[i];
            out.put("offsets", Tensor.of(o, o.length));
            out.put("tokens", Tensor.of(f.tokens, f.offsets[f.size()], f.hidden).to(DType.F16));
        }
        Checkpoints.save(file, out, Map.of("model", enc.name(), "split", split));
        return f;
    }

    private static String digest(List<String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : texts) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
