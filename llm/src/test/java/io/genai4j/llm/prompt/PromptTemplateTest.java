package io.genai4j.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
    @Test
    void fillsEveryHoleAndKeepsDoubledBracesLiteral() {
        PromptTemplate t = PromptTemplate.of("Review: {sentence}\nAnswer as {{\"label\": ...}} for {sentence} ({n_labels} labels)");
        assertEquals(Set.of("sentence", "n_labels"), t.variables());
        assertEquals("Review: good\nAnswer as {\"label\": ...} for good (2 labels)", t.render(Map.of("sentence", "good", "n_labels", 2)));
    }

    @Test
    void aValueIsInsertedVerbatimNotReadAsATemplate() {
        assertEquals("x {y} z", PromptTemplate.of("x {v} z").render("{y}"));
    }

    @Test
    void aMissingOrAnUnusedVariableIsAnErrorNamingIt() {
        PromptTemplate t = PromptTemplate.of("{a} and {b}");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> t.render(Map.of("a", 1)));
        assertTrue(missing.getMessage().contains("needs [b]"), missing.getMessage());
        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class, () -> t.render(Map.of("a", 1, "b", 2, "sentense", 3)));
        assertTrue(unused.getMessage().contains("has no [sentense]"), unused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.render("only one"));
    }

    @Test
    void malformedHolesAreRefusedWithTheirPosition() {
        for (String bad : new String[] {"{", "a {b", "{1x}", "{ }", "a } b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptTemplate.of(bad), bad);
            assertTrue(e.getMessage().contains(" at "), e.getMessage());
        }
    }
}
