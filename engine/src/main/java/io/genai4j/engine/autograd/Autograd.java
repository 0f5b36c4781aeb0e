package io.genai4j.engine.autograd;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.Elementwise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode differentiation. {@link #backward} orders the graph behind a tensor topologically
 * (iteratively: a BPTT graph over thousands of steps must not overflow the stack), walks it from
 * the output back, and accumulates into {@code .grad()} of every leaf that requires a gradient.
 * Gradients add up across calls until {@code zeroGrad}; the graph is released afterwards.
 */
public final class Autograd {
    private Autograd() {}

    public static void backward(Tensor root, Tensor seed) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward() on a tensor that does not require grad"
                    + " (no input required a gradient, or it was computed inside Grad.off())");
        }
        if (!Arrays.equals(seed.shape(), root.shape())) {
            throw new IllegalArgumentException("gradient seed shape " + Shape.str(seed.shape())
                    + " does not match tensor shape " + Shape.str(root.shape()));
        }
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        // Sums this pass allocated itself: later contributions are added into them in place (a tensor
        // used at every step of a recurrence collects T gradients; copying the sum each time is O(T²)).
        Map<Tensor, Boolean> owned = new IdentityHashMap<>();
        grads.put(root, seed);
        try (Grad g = Grad.off()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor gradOut = grads.remove(t);
                if (gradOut == null) continue;
                Node node = t.gradFn();
                if (node == null) {
                    t.accumulateGrad(gradOut);
                    continue;
                }
                Tensor[] inGrads = node.backward().apply(gradOut);
                Tensor[] inputs = node.inputs();
                for (int j = 0; j < inputs.length; j++) {
                    Tensor in = inputs[j];
                    Tensor gi = inGrads[j];
                    if (in == null || gi == null || !in.requiresGrad()) continue;
                    if (!Arrays.equals(gi.shape(), in.shape())) {
                        throw new IllegalStateException("backward of " + node.op() + " produced gradient of shape "
                                + Shape.str(gi.shape()) + " for input " + j + " of shape " + Shape.str(in.shape()));
                    }
                    Tensor prev = grads.get(in);
                    if (prev == null) {
                        grads.put(in, gi);
                        owned.remove(gi);   // a rule may hand the same tensor to several inputs: never write into it
                    } else if (owned.containsKey(prev)) {
                        Elementwise.addInPlace(prev, gi);
                    } else {
                        Tensor sum = prev.add(gi);
                        owned.put(sum, Boolean.TRUE);
                        grads.put(in, sum);
                    }
                }
            }
        }
        // Release the graph: intermediate tensors forget how they were made, so their inputs can go.
        for (Tensor t : order) t.releaseGraph();
    }

    /** Tensors reachable from root through gradFn inputs, inputs before the tensors made from them. */
    static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        IdentityHashMap<Tensor, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();   // {tensor, next input index}
        stack.push(new Object[] {root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Tensor t = (Tensor) top[0];
            Node node = t.gradFn();
            int next = (Integer) top[1];
            if (node != null && next < node.inputs().length) {
                top[1] = next + 1;
                Tensor in = node.inputs()[next];
                if (in != null && in.requiresGrad() && visited.put(in, Boolean.TRUE) == null) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
