package io.genai4j.engine.io.onnx;

import io.genai4j.engine.util.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A GraphProto: the nodes in topological order, the initializers (the weights) by name in file
 * order, and the graph's inputs and outputs.
 */
public record OnnxGraph(String name, List<OnnxNode> nodes, Map<String, OnnxTensor> initializers,
                        List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs) {

    /** The initializer of that name, or a clear error. */
    public OnnxTensor initializer(String name) {
        OnnxTensor t = initializers.get(name);
        if (t == null) throw new OnnxException("graph '" + Printable.of(this.name) + "' has no initializer '" + Printable.of(name) + "'");
        return t;
    }

    /** The nodes whose op_type is {@code op}, in graph order. */
    public List<OnnxNode> nodes(String op) {
        List<OnnxNode> out = new ArrayList<>();
        for (OnnxNode n : nodes) if (n.opType().equals(op)) out.add(n);
        return out;
    }

    /** Parameters held in the initializers (elements summed over all of them). */
    public long parameterCount() {
        long n = 0;
        for (OnnxTensor t : initializers.values()) n += t.numel();
        return n;
    }
}
