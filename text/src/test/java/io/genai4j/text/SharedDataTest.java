package io.genai4j.text;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {
    private final Path missing = Path.of("/no/such/shared/data/file.txt");

    @Test
    void aMissingDataSetSkipsOnADevelopersMachine() {
        assertThrows(TestAbortedException.class, () -> SharedData.requirePresent(missing, null));
        assertThrows(TestAbortedException.class, () -> SharedData.requirePresent(missing, "false"));
    }

    @Test
    void aMissingDataSetFailsUnderCiNamingThePath() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> SharedData.requirePresent(missing, "true"));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
