package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.course.generative.ShippedSamplers;
import io.genai4j.engine.util.Printable;
import io.genai4j.server.ApiException;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import java.io.IOException;

/**
 * The image-generation lesson on the page: digits drawn by the VAE, the GAN and the latent
 * diffusion model that ship in the jar (the tour's samplers), from a seed the page picks, each
 * labelled by the scale's classifier. Pixels go out as bytes (0–255, row-major 28×28) for a canvas.
 */
final class GenerativeLesson {
    static final int SIDE = 28;
    static final int MAX_SAMPLES = 40;
    private final Loaded<ShippedSamplers> samplers = new Loaded<>(ShippedSamplers::load);

    private ShippedSamplers samplers() {
        return samplers.get();
    }

    /** {@code {"model": "vae" | "gan" | "diffusion", "samples": 20, "seed": 1}} → the images, their labels and the model's card. */
    ObjectNode sample(JsonNode body) throws IOException {
        Fields f = new Fields(body, "");
        ShippedSamplers.Family family = family(f.string("model", "vae"));
        int n = (int) f.integer("samples", 20, 1, MAX_SAMPLES);
        long seed = f.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        float[][] images;
        int[] labels;
        synchronized (this) {   // one set of models: their eval switches are not thread-safe
            images = samplers().sample(family, n, seed);
            labels = samplers().labels(images);
        }
        ObjectNode o = Json.object().put("model", family.id).put("title", family.title).put("seed", seed).put("side", SIDE);
        ArrayNode out = o.putArray("images");
        for (int i = 0; i < n; i++) {
            ObjectNode img = out.addObject().put("label", labels[i]);
            ArrayNode px = img.putArray("pixels");
            for (float v : images[i]) px.add(Math.round(255 * Math.max(0, Math.min(1, v))));
        }
        o.set("train", Json.MAPPER.valueToTree(ShippedSamplers.card(family)));
        return o;
    }

    private static ShippedSamplers.Family family(String id) {
        for (ShippedSamplers.Family fam : ShippedSamplers.Family.values()) if (fam.id.equals(id)) return fam;
        throw ApiException.invalid("model", "model must be vae, gan or diffusion, not " + Printable.of(id));
    }
}
