package io.genai4j.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnceOverManyCalls() {
        int n = 10_007;
        for (int call = 0; call < 2_000; call++) {
            int[] hits = new int[n];
            Parallel.forRange(n, 64, (lo, hi) -> {
                for (int i = lo; i < hi; i++) hits[i]++;
            });
            for (int i = 0; i < n; i++) if (hits[i] != 1) throw new AssertionError("call " + call + ": index " + i + " ran " + hits[i] + " times");
        }
    }

    @Test
    void forEachClaimsEveryTaskOnceEvenWhenTasksAreUneven() {
        int before = Parallel.threads();
        Parallel.setThreads(2);
        try {
            for (int call = 0; call < 200; call++) {
                int[] hits = new int[9];
                Parallel.forEach(hits.length, i -> {
                    hits[i]++;
                    if (i == 0) Thread.onSpinWait();   // one task slower than the rest
                });
                for (int i = 0; i < hits.length; i++) assertEquals(1, hits[i], "call " + call + ": task " + i);
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void nestedCallsRunInlineAndFinish() {
        AtomicLong sum = new AtomicLong();
        Parallel.forRange(100, 1, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                assertTrue(Parallel.inside());
                Parallel.forRange(1000, 10, (a, b) -> sum.addAndGet(b - a));
            }
        });
        assertEquals(100_000, sum.get());
    }

    @Test
    void exceptionsReachTheCaller() {
        var e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(1000, 10, (lo, hi) -> {
            if (lo >= 500) throw new IllegalStateException("boom at " + lo);
        }));
        assertTrue(e.getMessage().startsWith("boom at"));
        // The pool still works afterwards.
        AtomicLong sum = new AtomicLong();
        Parallel.forRange(1000, 10, (lo, hi) -> sum.addAndGet(hi - lo));
        assertEquals(1000, sum.get());
    }

    @Test
    void threadCountCanChange() {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            AtomicLong sum = new AtomicLong();
            Parallel.forRange(1000, 1, (lo, hi) -> sum.addAndGet(hi - lo));
            assertEquals(1000, sum.get());
            Parallel.setThreads(3);
            assertEquals(3, Parallel.threads());
            sum.set(0);
            Parallel.forRange(1000, 1, (lo, hi) -> sum.addAndGet(hi - lo));
            assertEquals(1000, sum.get());
        } finally {
            Parallel.setThreads(before);
        }
    }
}
