package io.genai4j.models.translation;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;
import java.util.Map;

/** What the training loop, the decoders and the checkpoints need from a translation model. */
public interface TranslationModel {
    /** The module tree holding the parameters. */
    Module module();

    /** "seq2seq" or "transformer": the model type written in the checkpoint. */
    String kind();

    /** The hyper-parameters, JSON-ready, enough to rebuild the model. */
    Map<String, Object> config();

    /**
     * Teacher forcing: the decoder reads the true previous target token at every step, and the loss
     * is the mean cross-entropy of the next token over the batch's real target tokens.
     */
    Tensor loss(Batch batch, float labelSmoothing);

    /** Encodes the sources (ids ending with {@code </s>}) and returns the decoder before its first token. */
    DecoderState start(int[][] sources);

    /** Longest target the model can produce (positions it knows). */
    default int maxTargetLength() {
        return 256;
    }
}
