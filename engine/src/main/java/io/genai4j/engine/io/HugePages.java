package io.genai4j.engine.io;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Asks Linux to back a read-only file mapping with 2 MB pages ({@code madvise(MADV_HUGEPAGE)}).
 * Generation streams every weight once per token; with 4 KB pages that is a TLB miss every 4 KB,
 * and the hardware prefetchers stop at each page boundary. The kernel honours the advice for file
 * pages it reads from disk after the call (filesystems with large folios, such as ext4 and XFS on
 * recent kernels); pages already cached stay as they are, so the advice never costs a re-read.
 * Elsewhere (other systems, kernels without transparent huge pages) it is a no-op.
 */
public final class HugePages {
    private HugePages() {}

    private static final int MADV_HUGEPAGE = 14;
    private static final MethodHandle MADVISE = lookup();

    private static MethodHandle lookup() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return null;
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("madvise")
                    .map(s -> linker.downcallHandle(s, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;   // no native access (e.g. --enable-native-access denied): plain pages
        }
    }

    /** Advises huge pages for a mapping; returns whether the system accepted the advice. */
    public static boolean advise(MemorySegment mapping) {
        if (MADVISE == null || !mapping.isNative() || mapping.byteSize() == 0) return false;
        try {
            return (int) MADVISE.invokeExact(mapping, mapping.byteSize(), MADV_HUGEPAGE) == 0;
        } catch (Throwable e) {
            return false;
        }
    }
}
