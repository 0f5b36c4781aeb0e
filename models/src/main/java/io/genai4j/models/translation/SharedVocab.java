package io.genai4j.models.translation;

import io.genai4j.text.bpe.BpeTrainer;
import io.genai4j.text.bpe.ByteLevelBpe;
import io.genai4j.text.bpe.Gpt2Files;
import io.genai4j.text.prim.IntArrayBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One byte-level BPE vocabulary for both languages (as in the Transformer paper's shared
 * source-target vocabulary), learned from the training pairs only, plus three special tokens:
 * {@code <pad>} fills batches, {@code <s>} starts a target, {@code </s>} ends a sentence.
 */
public final class SharedVocab {
    public static final String PAD = "<pad>", BOS = "<s>", EOS = "</s>";

    private final ByteLevelBpe bpe;
    public final int pad, bos, eos;

    public SharedVocab(ByteLevelBpe bpe) {
        this.bpe = bpe;
        Integer p = bpe.specialTokens().get(PAD), b = bpe.specialTokens().get(BOS), e = bpe.specialTokens().get(EOS);
        if (p == null || b == null || e == null) throw new IllegalArgumentException("the BPE vocabulary lacks " + PAD + ", " + BOS + " or " + EOS);
        this.pad = p;
        this.bos = b;
        this.eos = e;
    }

    /** Learns the merges from the training pairs' two sides (one sentence per line). */
    public static SharedVocab train(List<Pair> train, int vocabSize) {
        StringBuilder text = new StringBuilder();
        for (Pair p : train) text.append(p.source()).append('\n').append(p.target()).append('\n');
        return new SharedVocab(BpeTrainer.train(text.toString(), vocabSize, List.of(PAD, BOS, EOS)));
    }

    public static SharedVocab load(Path dir) throws IOException {
        return new SharedVocab(Gpt2Files.load(dir));
    }

    public void save(Path dir) throws IOException {
        Gpt2Files.save(bpe, dir);
    }

    /** Token ids of a sentence followed by {@code </s>}. */
    public int[] encode(String sentence) {
        IntArrayBuilder b = new IntArrayBuilder(sentence.length() / 3 + 2);
        bpe.encodeInto(sentence, b);
        b.add(eos);
        return b.toArray();
    }

    /** Text of ids up to the first {@code </s>}, special tokens dropped. */
    public String decode(int[] ids) {
        IntArrayBuilder b = new IntArrayBuilder(ids.length);
        for (int id : ids) {
            if (id == eos) break;
            if (id != pad && id != bos) b.add(id);
        }
        return bpe.decode(b.toArray()).strip();
    }

    /** One readable piece per id (for attention picture labels). */
    public String piece(int id) {
        if (id == eos) return EOS;
        return bpe.decode(new int[] {id});
    }

    public int size() {
        return bpe.vocabSize();
    }

    public ByteLevelBpe bpe() {
        return bpe;
    }
}
