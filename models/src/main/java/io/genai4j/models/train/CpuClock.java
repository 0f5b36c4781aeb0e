package io.genai4j.models.train;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of the whole process (all threads, JIT and GC included): what training costs, whatever
 * else the machine runs. Wall time on a shared machine grows with contention; CPU time does not.
 */
public final class CpuClock {
    private CpuClock() {}

    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    /** Process CPU nanoseconds so far (-1 if the JVM cannot tell). */
    public static long processNanos() {
        if (OS instanceof com.sun.management.OperatingSystemMXBean os) return os.getProcessCpuTime();
        return -1;
    }
}
