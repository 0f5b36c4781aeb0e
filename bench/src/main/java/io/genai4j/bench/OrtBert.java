package io.genai4j.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.genai4j.text.wordpiece.Batch;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * ONNX Runtime (fp32, CPU) running a BERT .onnx file: the peer genai4j is timed against, and the
 * reference its encoder's outputs are checked against (OnnxParityTest).
 */
final class OrtBert implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    OrtBert(Path onnx, int threads) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(threads);
        o.setInterOpNumThreads(1);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(onnx.toString(), o);
    }

    /** Runs one padded batch; returns the number of output floats (so the work cannot be skipped). */
    long run(Batch b) throws OrtException {
        return forward(b, out -> out.remaining());
    }

    /** last_hidden_state [B·T·H] of one padded batch. */
    float[] lastHiddenState(Batch b) throws OrtException {
        return forward(b, out -> {
            float[] a = new float[out.remaining()];
            out.get(a);
            return a;
        });
    }

    private <T> T forward(Batch b, Function<FloatBuffer, T> read) throws OrtException {
        long[] shape = {b.size(), b.length()};
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(longs(b.ids())), shape);
             OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(longs(b.attentionMask())), shape);
             OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(longs(b.typeIds())), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            return read.apply(((OnnxTensor) r.get("last_hidden_state").orElseThrow()).getFloatBuffer());
        }
    }

    private static long[] longs(int[] v) {
        long[] o = new long[v.length];
        for (int i = 0; i < v.length; i++) o[i] = v[i];
        return o;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
