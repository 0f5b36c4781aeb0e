package io.genai4j.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.nn.BatchNorm2d;
import io.genai4j.engine.nn.GroupNorm;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Image ops against direct float64 loops in numpy (PyTorch semantics), from the committed fixture
 * that engine/src/test/python/make_vision_reference.py writes.
 */
class VisionReferenceValuesTest {
    private static Map<String, Tensor> ref;

    @BeforeAll
    static void load() throws Exception {
        ref = Checkpoints.load(Path.of(VisionReferenceValuesTest.class.getResource("/fixtures/vision_reference.safetensors").toURI()));
    }

    private static void assertClose(String name, Tensor actual, double tol) {
        Tensor expected = ref.get(name);
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), name + " shape");
        float[] e = expected.toArray(), a = actual.toArray();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], tol * Math.max(1, Math.abs(e[i])), name + " element " + i);
    }

    @Test
    void conv2dWithGroupsStrideDilationAndAsymmetricPadding() {
        ConvGeometry geo = new ConvGeometry(3, 2, 2, 1, 1, 2, 1, 2, 2);
        assertClose("conv_groups.out", F.conv2d(ref.get("conv_groups.x"), ref.get("conv_groups.weight"), ref.get("conv_groups.bias"), geo), 1e-5);
    }

    @Test
    void conv2dFiveByFivePaddedWithoutBias() {
        assertClose("conv_lenet.out", F.conv2d(ref.get("conv_lenet.x"), ref.get("conv_lenet.weight"), null, ConvGeometry.square(5, 1, 2, 1, 1)), 1e-5);
    }

    @Test
    void maxAndAveragePooling() {
        Tensor x = ref.get("pool.x");
        assertClose("max_pool_2_2_0.out", F.maxPool2d(x, 2, 2, 0), 0);
        assertClose("max_pool_3_2_1.out", F.maxPool2d(x, 3, 2, 1), 0);
        assertClose("avg_pool_3_2_1.out", F.avgPool2d(x, 3, 2, 1), 1e-6);
    }

    @Test
    void batchNormTrainingStepUpdatesRunningStatsThenEvaluates() {
        BatchNorm2d bn = new BatchNorm2d(3);
        bn.loadStateDict(Map.of("weight", ref.get("batch_norm.weight"), "bias", ref.get("batch_norm.bias")), false);
        Tensor x = ref.get("batch_norm.x");
        assertClose("batch_norm.train_out", bn.forward(x), 1e-5);
        assertClose("batch_norm.running_mean", bn.runningMean, 1e-6);
        assertClose("batch_norm.running_var", bn.runningVar, 1e-6);
        bn.eval();
        assertClose("batch_norm.eval_out", bn.forward(x), 1e-5);
    }

    @Test
    void groupNorm() {
        GroupNorm gn = new GroupNorm(3, 6);
        gn.loadStateDict(Map.of("weight", ref.get("group_norm.weight"), "bias", ref.get("group_norm.bias")), false);
        assertClose("group_norm.out", gn.forward(ref.get("group_norm.x")), 1e-5);
    }

    @Test
    void nearestAndBilinearResizing() {
        Tensor x = ref.get("resize.x");
        assertClose("nearest_7x9.out", F.upsampleNearest(x, 7, 9), 0);
        assertClose("bilinear_7x9.out", F.upsampleBilinear(x, 7, 9), 1e-6);
        assertClose("bilinear_6x8.out", F.upsampleBilinear(x, 6, 8), 1e-6);
    }
}
