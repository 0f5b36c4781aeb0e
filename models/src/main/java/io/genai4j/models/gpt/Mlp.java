package io.genai4j.models.gpt;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;

/** The position-wise feed-forward net: c_proj(GELU(c_fc(x))), 4× wide inside. */
final class Mlp extends Module {
    final Linear cFc, cProj;
    private final Dropout dropout;

    Mlp(GptConfig c, Rng rng) {
        this.cFc = add("c_fc", new Linear(c.nEmbd(), 4 * c.nEmbd(), c.bias(), rng));
        this.cProj = add("c_proj", new Linear(4 * c.nEmbd(), c.nEmbd(), c.bias(), rng));
        this.dropout = add("dropout", new Dropout(c.dropout(), rng));
    }

    Tensor forward(Tensor x) {
        return dropout.forward(cProj.forward(cFc.forward(x).gelu()));
    }
}
