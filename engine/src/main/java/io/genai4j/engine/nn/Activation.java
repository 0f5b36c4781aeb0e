package io.genai4j.engine.nn;

import io.genai4j.engine.Tensor;
import java.util.function.UnaryOperator;

/** A parameter-free elementwise function as a layer (for {@link Sequential}). */
public final class Activation extends Module implements Layer {
    private final UnaryOperator<Tensor> f;

    private Activation(UnaryOperator<Tensor> f) {
        this.f = f;
    }

    public static Activation relu() {
        return new Activation(Tensor::relu);
    }

    public static Activation leakyRelu(float slope) {
        return new Activation(x -> x.leakyRelu(slope));
    }

    public static Activation tanh() {
        return new Activation(Tensor::tanh);
    }

    public static Activation sigmoid() {
        return new Activation(Tensor::sigmoid);
    }

    public static Activation gelu() {
        return new Activation(Tensor::gelu);
    }

    public static Activation silu() {
        return new Activation(Tensor::silu);
    }

    @Override
    public Tensor forward(Tensor x) {
        return f.apply(x);
    }
}
