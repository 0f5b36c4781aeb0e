package io.genai4j.models.transformer;

import io.genai4j.models.translation.TranslationCheckpoint;
import java.io.IOException;

/**
 * The small English → French Transformer that ships in this jar (its MODEL_CARD.md says how it was
 * trained), so that {@code genai transformer translate} and the tour work on a fresh clone. The
 * files sit under {@code tour/en-fr-small} next to this class, where the README's model card link
 * points; the tour step that first used them now lives in the course module.
 */
public final class BundledTransformer {
    /** The resource folder, relative to this class's package. */
    public static final String FOLDER = "tour/en-fr-small";

    private BundledTransformer() {}

    /** The shipped checkpoint, or null when this build has none. */
    public static TranslationCheckpoint checkpoint() throws IOException {
        return TranslationCheckpoint.bundled(BundledTransformer.class, FOLDER, "transformer");
    }
}
