package io.genai4j.engine.nn;

import io.genai4j.engine.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Layers applied in order; children are named 0, 1, 2, ... as in PyTorch. */
public final class Sequential extends Module implements Layer {
    private final List<Layer> layers = new ArrayList<>();

    public Sequential(Layer... layers) {
        for (Layer l : layers) append(l);
    }

    public Sequential append(Layer layer) {
        if (!(layer instanceof Module m)) throw new IllegalArgumentException("a Sequential holds modules");
        add(Integer.toString(layers.size()), m);
        layers.add(layer);
        return this;
    }

    @Override
    public Tensor forward(Tensor x) {
        for (Layer l : layers) x = l.forward(x);
        return x;
    }
}
