package io.genai4j.models.captioner;

import io.genai4j.engine.Tensor;
import java.util.List;

/** Scenes as the model's input: [B, 3, S, S] pixels. */
public final class CaptionBatch {
    private CaptionBatch() {}

    public static Tensor images(List<Scene> scenes) {
        int s = scenes.getFirst().size(), p = 3 * s * s;
        float[] px = new float[scenes.size() * p];
        for (int i = 0; i < scenes.size(); i++) System.arraycopy(scenes.get(i).pixels(), 0, px, i * p, p);
        return Tensor.of(px, scenes.size(), 3, s, s);
    }
}
