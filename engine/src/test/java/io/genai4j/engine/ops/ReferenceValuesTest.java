package io.genai4j.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forward values against numpy (float64 math rounded to float32), from the committed fixture that
 * engine/src/test/python/make_reference_fixtures.py writes.
 */
class ReferenceValuesTest {
    private static Map<String, Tensor> ref;

    @BeforeAll
    static void load() throws Exception {
        ref = Checkpoints.load(Path.of(ReferenceValuesTest.class.getResource("/fixtures/numpy_reference.safetensors").toURI()));
    }

    private static void assertClose(Tensor expected, Tensor actual, double tol) {
        float[] e = expected.toArray(), a = actual.toArray();
        assertEquals(e.length, a.length, "element count");
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tol * Math.max(1, Math.abs(e[i])), "element " + i);
        }
    }

    @Test
    void matmul() {
        assertClose(ref.get("matmul.out"), ref.get("matmul.a").matmul(ref.get("matmul.b")), 1e-5);
        assertClose(ref.get("bmm.out"), ref.get("bmm.a").matmul(ref.get("bmm.b")), 1e-5);
    }

    @Test
    void softmaxAndLogSoftmaxWithLargeLogits() {
        Tensor x = ref.get("softmax.x");
        assertClose(ref.get("softmax.out"), x.softmax(-1), 1e-6);
        assertClose(ref.get("log_softmax.out"), x.logSoftmax(-1), 1e-5);
    }

    @Test
    void layerNormAndRmsNorm() {
        Tensor x = ref.get("layer_norm.x"), w = ref.get("layer_norm.weight"), b = ref.get("layer_norm.bias");
        assertClose(ref.get("layer_norm.out"), F.layerNorm(x, w, b, 1e-5f), 1e-5);
        assertClose(ref.get("rms_norm.out"), F.rmsNorm(x, w, 1e-6f), 1e-5);
    }

    @Test
    void geluExactAndTanh() {
        Tensor x = ref.get("gelu.x");
        assertClose(ref.get("gelu.out"), x.gelu(), 1e-6);
        assertClose(ref.get("gelu_tanh.out"), x.geluTanh(), 1e-6);
    }

    @Test
    void crossEntropyLossAndGradientWithIgnoreIndex() {
        Tensor logits = ref.get("cross_entropy.logits").detach().requiresGrad(true);
        float[] t = ref.get("cross_entropy.targets").toArray();
        int[] targets = new int[t.length];
        for (int i = 0; i < t.length; i++) targets[i] = (int) t[i];
        Tensor loss = F.crossEntropy(logits, targets, -100, 0f);
        assertEquals(ref.get("cross_entropy.loss").item(), loss.item(), 1e-5);
        loss.backward();
        assertClose(ref.get("cross_entropy.grad"), logits.grad(), 1e-6);
    }
}
