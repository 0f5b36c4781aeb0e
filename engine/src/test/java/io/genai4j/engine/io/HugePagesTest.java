package io.genai4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HugePagesTest {

    @Test
    void adviceOnAFileMappingIsAcceptedWhereLinuxHasTransparentHugePagesAndChangesNoByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.bin");
        byte[] data = new byte[3 << 20];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31 + 7);
        Files.write(f, data);
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            MemorySegment m = ch.map(FileChannel.MapMode.READ_ONLY, 0, data.length, arena);
            boolean accepted = HugePages.advise(m);
            for (int i = 0; i < data.length; i += 4093) assertEquals(data[i], m.get(ValueLayout.JAVA_BYTE, i), "byte " + i);
            assumeTrue(Files.isDirectory(Path.of("/sys/kernel/mm/transparent_hugepage")), "no transparent huge pages on this system");
            assertTrue(accepted, "madvise(MADV_HUGEPAGE) refused");
        }
    }

    @Test
    void heapAndEmptySegmentsAreLeftAlone() {
        assertFalse(HugePages.advise(MemorySegment.ofArray(new byte[4096])));
        assertFalse(HugePages.advise(MemorySegment.ofArray(new byte[0])));
    }
}
