package io.genai4j.models.vision;

import static io.genai4j.models.train.ConfigFields.num;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which classifier and its sizes. {@code cnn}: LeNet-5 with ReLU and max pooling (the other fields
 * are unused). {@code vit}: patches of {@code patch}² pixels embedded to {@code dim}, {@code depth}
 * pre-LN encoder blocks of {@code heads} heads and an MLP {@code mlp} wide.
 */
public record VisionConfig(String kind, int imageSize, int classes, int patch, int dim, int depth, int heads, int mlp) {
    public VisionConfig {
        if (!kind.equals("cnn") && !kind.equals("vit")) throw new IllegalArgumentException("model kind must be cnn or vit, got " + io.genai4j.engine.util.Printable.of(kind));
        if (imageSize < 1 || classes < 2) throw new IllegalArgumentException("image size must be >= 1 and classes >= 2");
        if (kind.equals("vit")) {
            if (patch < 1 || imageSize % patch != 0) throw new IllegalArgumentException("patch size " + patch + " does not divide the image size " + imageSize);
            if (dim < 1 || depth < 1 || heads < 1 || mlp < 1 || dim % heads != 0) {
                throw new IllegalArgumentException("ViT needs dim, depth, heads, mlp >= 1 and dim divisible by heads, got dim " + dim + ", heads " + heads);
            }
        }
    }

    /** LeNet-5 for 28×28 digits. */
    public static VisionConfig cnn() {
        return new VisionConfig("cnn", 28, 10, 0, 0, 0, 0, 0);
    }

    /** A small ViT for 28×28 digits: 7×7-pixel patches (16 of them), width 64, 4 blocks of 4 heads. */
    public static VisionConfig vit() {
        return new VisionConfig("vit", 28, 10, 7, 64, 4, 4, 128);
    }

    public static VisionConfig of(String kind) {
        return switch (kind) {
            case "cnn" -> cnn();
            case "vit" -> vit();
            default -> throw new IllegalArgumentException("model must be cnn or vit, got " + io.genai4j.engine.util.Printable.of(kind));
        };
    }

    public int grid() {
        return imageSize / patch;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("image_size", imageSize);
        m.put("classes", classes);
        if (kind.equals("vit")) {
            m.put("patch", patch);
            m.put("dim", dim);
            m.put("depth", depth);
            m.put("heads", heads);
            m.put("mlp", mlp);
        }
        return m;
    }

    public static VisionConfig fromMap(Map<String, Object> m) {
        String kind = String.valueOf(m.get("kind"));
        if (!kind.equals("cnn") && !kind.equals("vit")) throw new IllegalArgumentException("field 'kind' must be cnn or vit, got " + io.genai4j.engine.util.Printable.of(kind));
        return new VisionConfig(kind, num(m, "image_size"), num(m, "classes"),
                kind.equals("vit") ? num(m, "patch") : 0, kind.equals("vit") ? num(m, "dim") : 0, kind.equals("vit") ? num(m, "depth") : 0,
                kind.equals("vit") ? num(m, "heads") : 0, kind.equals("vit") ? num(m, "mlp") : 0);
    }
}
