package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;

/** SwiGLU feed-forward (Shazeer, GLU variants): down( SiLU(gate(x)) ⊙ up(x) ). */
final class LlamaMlp extends Module {
    final Linear gateProj, upProj, downProj;

    LlamaMlp(LlamaConfig c, WeightSource w, String p) {
        gateProj = add("gate_proj", Linear.frozen(WeightSource.shaped(w.require(p + "gate_proj.weight"), p + "gate_proj.weight", c.ffnDim(), c.dim()), null));
        upProj = add("up_proj", Linear.frozen(WeightSource.shaped(w.require(p + "up_proj.weight"), p + "up_proj.weight", c.ffnDim(), c.dim()), null));
        downProj = add("down_proj", Linear.frozen(WeightSource.shaped(w.require(p + "down_proj.weight"), p + "down_proj.weight", c.dim(), c.ffnDim()), null));
    }

    Tensor forward(Tensor x) {
        return downProj.forward(gateProj.forward(x).silu().mul(upProj.forward(x)));
    }
}
