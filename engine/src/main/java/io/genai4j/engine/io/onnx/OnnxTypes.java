package io.genai4j.engine.io.onnx;

import io.genai4j.engine.DType;
import io.genai4j.engine.util.Printable;

/** ONNX TensorProto.DataType codes and their engine dtypes. */
final class OnnxTypes {
    private OnnxTypes() {}

    static final int FLOAT = 1, UINT8 = 2, INT8 = 3, UINT16 = 4, INT16 = 5, INT32 = 6, INT64 = 7, STRING = 8,
            BOOL = 9, FLOAT16 = 10, DOUBLE = 11, UINT32 = 12, UINT64 = 13, BFLOAT16 = 16;

    static DType dtype(int code, String tensor) {
        return switch (code) {
            case FLOAT -> DType.F32;
            case UINT8 -> DType.U8;
            case INT8 -> DType.I8;
            case UINT16 -> DType.U16;
            case INT16 -> DType.I16;
            case INT32 -> DType.I32;
            case INT64 -> DType.I64;
            case BOOL -> DType.BOOL;
            case FLOAT16 -> DType.F16;
            case DOUBLE -> DType.F64;
            case UINT32 -> DType.U32;
            case UINT64 -> DType.U64;
            case BFLOAT16 -> DType.BF16;
            default -> throw new OnnxException("tensor '" + Printable.of(tensor) + "' has unsupported ONNX data type " + code
                    + (code == STRING ? " (STRING)" : ""));
        };
    }
}
