package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.engine.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeOptionTest {
    @Test
    void namesTheOptionTheValueAndTheChoices() {
        List<DType> choices = List.of(DType.F16, DType.BF16, DType.F32);
        assertEquals(DType.BF16, TypeOption.parse(" bf16", "--type", choices));
        assertEquals("unknown --type 'q4_0' (choose f16, bf16, f32)",
                assertThrows(IllegalArgumentException.class, () -> TypeOption.parse("q4_0", "--type", choices)).getMessage());
        assertEquals("unknown --output-type 'x\\ny' (choose f16, bf16, f32)",
                assertThrows(IllegalArgumentException.class, () -> TypeOption.parse("x\ny", "--output-type", choices)).getMessage());
    }
}
