package io.genai4j.engine.optim;

import io.genai4j.engine.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Updates parameters from their accumulated gradients. The learning rate may change every step. */
public abstract class Optimizer {
    protected final List<ParamGroup> groups;
    protected double lr;

    protected Optimizer(List<ParamGroup> groups, double lr) {
        this.groups = List.copyOf(groups);
        this.lr = lr;
    }

    /** One update of every parameter that has a gradient. */
    public abstract void step();

    public double learningRate() {
        return lr;
    }

    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    /** Clears the gradients of every parameter. */
    public void zeroGrad() {
        for (ParamGroup g : groups) for (Tensor p : g.params()) p.zeroGrad();
    }

    public List<Tensor> params() {
        List<Tensor> out = new ArrayList<>();
        for (ParamGroup g : groups) out.addAll(g.params());
        return out;
    }
}
