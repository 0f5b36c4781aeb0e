package io.genai4j.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void concurrentCallersEachRunEveryIndexOnce() throws Exception {
        int before = Parallel.threads();
        Parallel.setThreads(3);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                done.add(callers.submit(() -> {
                    int n = 4_001;
                    for (int call = 0; call < 500; call++) {
                        int[] hits = new int[n];
                        Parallel.forRange(n, 16, (lo, hi) -> {
                            for (int i = lo; i < hi; i++) hits[i]++;
                        });
                        for (int i = 0; i < n; i++) if (hits[i] != 1) throw new AssertionError("call " + call + ": index " + i + " ran " + hits[i] + " times");
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);   // a deadlock fails here
        } finally {
            callers.shutdownNow();
            Parallel.setThreads(before);
        }
    }

    /**
     * While one caller's call is busy (its caller's task waits for the second caller), a second
     * caller's call is still helped by a free worker instead of running alone on its own thread.
     */
    @Test
    void aSecondCallerIsHelpedByTheWorkers() throws Exception {
        int before = Parallel.threads();
        Parallel.setThreads(3);
        CountDownLatch secondDone = new CountDownLatch(1), firstBlocked = new CountDownLatch(1);
        Thread[] firstCaller = new Thread[1];
        // The first call's caller blocks in the first task it takes (many slow tasks, so it takes one).
        Thread first = new Thread(() -> Parallel.forEach(100, i -> {
            if (Thread.currentThread() != firstCaller[0]) {
                long until = System.nanoTime() + 1_000_000;
                while (System.nanoTime() < until) Thread.onSpinWait();
                return;
            }
            firstBlocked.countDown();
            try {
                secondDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        firstCaller[0] = first;
        try {
            first.start();
            assertTrue(firstBlocked.await(30, TimeUnit.SECONDS), "the first caller took a task");
            Set<String> ran = ConcurrentHashMap.newKeySet();
            Parallel.forEach(200, i -> {
                ran.add(Thread.currentThread().getName());
                long until = System.nanoTime() + 1_000_000;
                while (System.nanoTime() < until) Thread.onSpinWait();
            });
            secondDone.countDown();
            first.join(30_000);
            assertTrue(ran.stream().anyMatch(n -> n.startsWith("genai-kernel-")), "threads that ran the second call: " + ran);
        } finally {
            secondDone.countDown();
            Parallel.setThreads(before);
        }
    }
}
