package io.genai4j.engine.io.onnx;

import io.genai4j.engine.util.Printable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the parts of ONNX's protobuf schema (onnx/onnx.proto) that inference needs. Field numbers
 * are from that schema; unknown fields are skipped, as protobuf requires.
 * <pre>
 *   ModelProto   1 ir_version  2 producer_name  7 graph  8 opset_import
 *   GraphProto   1 node  2 name  5 initializer  11 input  12 output
 *   NodeProto    1 input  2 output  3 name  4 op_type  5 attribute  7 domain
 *   TensorProto  1 dims  2 data_type  4 float_data  5 int32_data  7 int64_data  8 name  9 raw_data
 *                10 double_data  11 uint64_data  14 data_location
 * </pre>
 */
final class OnnxParser {
    private OnnxParser() {}

    static OnnxModel parse(MemorySegment seg, Arena arena) {
        ProtoReader r = new ProtoReader(seg, 0, seg.byteSize());
        long ir = 0;
        String producer = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        OnnxGraph graph = null;
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> ir = expect(r, tag, ProtoReader.VARINT).varint();
                case 2 -> producer = expect(r, tag, ProtoReader.LEN).string();
                case 7 -> graph = graph(expect(r, tag, ProtoReader.LEN).message());
                case 8 -> opset(expect(r, tag, ProtoReader.LEN).message(), opsets);
                default -> r.skip(tag);
            }
        }
        if (graph == null) throw new OnnxException("not an ONNX model: no graph found (is this an .onnx file?)");
        return new OnnxModel(ir, producer, Collections.unmodifiableMap(opsets), graph, arena);
    }

    private static ProtoReader expect(ProtoReader r, int tag, int wire) {
        if ((tag & 7) != wire) throw r.error("field " + (tag >>> 3) + " has wire type " + (tag & 7) + ", expected " + wire, r.position());
        return r;
    }

    private static void opset(ProtoReader r, Map<String, Long> out) {
        String domain = "";
        long version = 0;
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> domain = expect(r, tag, ProtoReader.LEN).string();
                case 2 -> version = expect(r, tag, ProtoReader.VARINT).varint();
                default -> r.skip(tag);
            }
        }
        out.put(domain, version);
    }

    private static OnnxGraph graph(ProtoReader r) {
        String name = "";
        List<OnnxNode> nodes = new ArrayList<>();
        Map<String, OnnxTensor> inits = new LinkedHashMap<>();
        List<OnnxValueInfo> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> nodes.add(node(expect(r, tag, ProtoReader.LEN).message()));
                case 2 -> name = expect(r, tag, ProtoReader.LEN).string();
                case 5 -> {
                    long at = r.position();
                    OnnxTensor t = tensor(expect(r, tag, ProtoReader.LEN).message());
                    if (inits.put(t.name(), t) != null) throw r.error("duplicate initializer '" + Printable.of(t.name()) + "'", at);
                }
                case 11 -> inputs.add(valueInfo(expect(r, tag, ProtoReader.LEN).message()));
                case 12 -> outputs.add(valueInfo(expect(r, tag, ProtoReader.LEN).message()));
                default -> r.skip(tag);
            }
        }
        return new OnnxGraph(name, List.copyOf(nodes), Collections.unmodifiableMap(inits), List.copyOf(inputs), List.copyOf(outputs));
    }

    private static OnnxNode node(ProtoReader r) {
        String name = "", op = "", domain = "";
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        Map<String, OnnxAttribute> attrs = new LinkedHashMap<>();
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> in.add(expect(r, tag, ProtoReader.LEN).string());
                case 2 -> out.add(expect(r, tag, ProtoReader.LEN).string());
                case 3 -> name = expect(r, tag, ProtoReader.LEN).string();
                case 4 -> op = expect(r, tag, ProtoReader.LEN).string();
                case 5 -> {
                    OnnxAttribute a = attribute(expect(r, tag, ProtoReader.LEN).message());
                    attrs.put(a.name(), a);
                }
                case 7 -> domain = expect(r, tag, ProtoReader.LEN).string();
                default -> r.skip(tag);
            }
        }
        if (op.isEmpty()) throw new OnnxException("node '" + Printable.of(name) + "' has no op_type");
        return new OnnxNode(name, op, domain, List.copyOf(in), List.copyOf(out), Collections.unmodifiableMap(attrs));
    }

    /** AttributeProto: 1 name, 2 f, 3 i, 4 s, 5 t, 7 floats, 8 ints. */
    private static OnnxAttribute attribute(ProtoReader r) {
        String name = "", s = null;
        float f = 0;
        long i = 0;
        OnnxTensor t = null;
        List<Float> floats = new ArrayList<>();
        ProtoReader.LongList ints = new ProtoReader.LongList();
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> name = expect(r, tag, ProtoReader.LEN).string();
                case 2 -> f = Float.intBitsToFloat(expect(r, tag, ProtoReader.I32).fixed32());
                case 3 -> i = expect(r, tag, ProtoReader.VARINT).varint();
                case 4 -> s = expect(r, tag, ProtoReader.LEN).string();
                case 5 -> t = tensor(expect(r, tag, ProtoReader.LEN).message());
                case 7 -> {
                    if ((tag & 7) == ProtoReader.I32) {
                        floats.add(Float.intBitsToFloat(r.fixed32()));
                    } else {
                        ProtoReader p = expect(r, tag, ProtoReader.LEN).message();
                        while (p.hasMore()) floats.add(Float.intBitsToFloat(p.fixed32()));
                    }
                }
                case 8 -> r.int64s(tag, ints);
                default -> r.skip(tag);
            }
        }
        float[] fs = new float[floats.size()];
        for (int k = 0; k < fs.length; k++) fs[k] = floats.get(k);
        return new OnnxAttribute(name, f, i, s, t, fs, ints.toArray());
    }

    private static OnnxTensor tensor(ProtoReader r) {
        String name = "";
        int type = 0;
        ProtoReader.LongList dims = new ProtoReader.LongList();
        ProtoReader.LongList ints = null;
        MemorySegment raw = null;
        float[] floats = null;
        double[] doubles = null;
        long start = r.position();
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> r.int64s(tag, dims);
                case 2 -> type = (int) expect(r, tag, ProtoReader.VARINT).varint();
                case 4 -> floats = concat(floats, packedFloats(r, tag));
                case 5, 7, 11 -> {
                    if (ints == null) ints = new ProtoReader.LongList();
                    r.int64s(tag, ints);
                }
                case 8 -> name = expect(r, tag, ProtoReader.LEN).string();
                case 9 -> {
                    long[] span = expect(r, tag, ProtoReader.LEN).lengthDelimited();
                    raw = r.segment().asSlice(span[0], span[1] - span[0]);
                }
                case 10 -> doubles = packedDoubles(r, tag);
                case 14 -> {
                    if (expect(r, tag, ProtoReader.VARINT).varint() != 0) {
                        throw new OnnxException("tensor '" + Printable.of(name) + "' keeps its data in an external file, which is not supported");
                    }
                }
                default -> r.skip(tag);
            }
        }
        if (type == 0) throw r.error("tensor '" + Printable.of(name) + "' has no data_type", start);
        return new OnnxTensor(name, type, dims.toArray(), raw, floats, ints == null ? null : ints.toArray(), doubles);
    }

    private static float[] packedFloats(ProtoReader r, int tag) {
        if ((tag & 7) == ProtoReader.I32) return new float[] {Float.intBitsToFloat(r.fixed32())};
        long[] span = expect(r, tag, ProtoReader.LEN).lengthDelimited();
        long n = span[1] - span[0];
        if (n % 4 != 0) throw r.error("packed float_data of " + n + " bytes is not a multiple of 4", span[0]);
        float[] out = new float[(int) (n / 4)];
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN),
                span[0], out, 0, out.length);
        return out;
    }

    private static double[] packedDoubles(ProtoReader r, int tag) {
        if ((tag & 7) == ProtoReader.I64) return new double[] {Double.longBitsToDouble(r.fixed64())};
        long[] span = expect(r, tag, ProtoReader.LEN).lengthDelimited();
        long n = span[1] - span[0];
        if (n % 8 != 0) throw r.error("packed double_data of " + n + " bytes is not a multiple of 8", span[0]);
        double[] out = new double[(int) (n / 8)];
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN),
                span[0], out, 0, out.length);
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        if (a == null) return b;
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** ValueInfoProto: 1 name, 2 type (TypeProto: 1 tensor_type: 1 elem_type, 2 shape: 1 dim: 1 value | 2 param). */
    private static OnnxValueInfo valueInfo(ProtoReader r) {
        String name = "";
        int elem = 0;
        ProtoReader.LongList dims = new ProtoReader.LongList();
        List<String> dimNames = new ArrayList<>();
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> name = expect(r, tag, ProtoReader.LEN).string();
                case 2 -> {
                    ProtoReader type = expect(r, tag, ProtoReader.LEN).message();
                    while (type.hasMore()) {
                        int tt = type.tag();
                        if (tt >>> 3 != 1 || (tt & 7) != ProtoReader.LEN) {
                            type.skip(tt);
                            continue;
                        }
                        ProtoReader tensorType = type.message();
                        while (tensorType.hasMore()) {
                            int t2 = tensorType.tag();
                            if (t2 >>> 3 == 1 && (t2 & 7) == ProtoReader.VARINT) {
                                elem = (int) tensorType.varint();
                            } else if (t2 >>> 3 == 2 && (t2 & 7) == ProtoReader.LEN) {
                                ProtoReader shape = tensorType.message();
                                while (shape.hasMore()) {
                                    int t3 = shape.tag();
                                    if (t3 >>> 3 != 1 || (t3 & 7) != ProtoReader.LEN) {
                                        shape.skip(t3);
                                        continue;
                                    }
                                    ProtoReader dim = shape.message();
                                    long value = -1;
                                    String param = null;
                                    while (dim.hasMore()) {
                                        int t4 = dim.tag();
                                        if (t4 >>> 3 == 1 && (t4 & 7) == ProtoReader.VARINT) value = dim.varint();
                                        else if (t4 >>> 3 == 2 && (t4 & 7) == ProtoReader.LEN) param = dim.string();
                                        else dim.skip(t4);
                                    }
                                    dims.add(value);
                                    dimNames.add(param);
                                }
                            } else {
                                tensorType.skip(t2);
                            }
                        }
                    }
                }
                default -> r.skip(tag);
            }
        }
        return new OnnxValueInfo(name, elem, dims.toArray(), Collections.unmodifiableList(dimNames));
    }
}
