package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.util.Rounding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai bench memory}: STREAM-like copy and triad bandwidth at each thread count. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Memory bandwidth (STREAM-like copy and triad, GB/s): the limit of token generation.")
public final class BenchMemory implements Callable<Integer> {
    @Option(names = "--threads", split = ",", paramLabel = "N[,N...]", description = "Thread counts to measure (default: 1 and all cores).")
    List<Integer> threads;
    @Option(names = "--mb", defaultValue = "96", description = "MB per array, three arrays (default ${DEFAULT-VALUE}: several times a 32 MB L3).")
    int mb;
    @Option(names = "--repeats", defaultValue = "10", description = "Timed passes; the best is reported, as STREAM does (default ${DEFAULT-VALUE}).")
    int repeats;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (mb < 1) throw new IllegalArgumentException("--mb must be >= 1, got " + mb);
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1, got " + repeats);
        List<MemoryBandwidth.Result> results = measure(threadCounts(threads), mb, repeats);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MemoryBandwidth.Result r : results) {
            System.out.printf(Locale.ROOT, "memory  threads %d  copy %.1f GB/s  triad %.1f GB/s  (3 arrays of %d MB, best of %d)%n",
                    r.threads(), r.copyGBs(), r.triadGBs(), mb, repeats);
            rows.add(json(r));
        }
        if (json.on()) new Report().put("op", "memory").put("mb_per_array", mb).put("results", rows).printJson(System.out);
        return 0;
    }

    /** One result as a JSON object's fields. */
    static Map<String, Object> json(MemoryBandwidth.Result r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("threads", r.threads());
        row.put("copy_gbs", Rounding.places(r.copyGBs(), 2));
        row.put("triad_gbs", Rounding.places(r.triadGBs(), 2));
        return row;
    }

    /** Copy and triad at each thread count, on one set of arrays; the engine's thread count is restored after. */
    static List<MemoryBandwidth.Result> measure(List<Integer> counts, int mb, int repeats) {
        MemoryBandwidth m = new MemoryBandwidth((int) Math.min(Integer.MAX_VALUE - 8, mb * (1L << 20) / 4));
        int before = Parallel.threads();
        List<MemoryBandwidth.Result> out = new ArrayList<>();
        try {
            for (int t : counts) {
                Parallel.setThreads(t);
                out.add(m.measure(repeats));
            }
        } finally {
            Parallel.setThreads(before);
        }
        return out;
    }

    /** The thread counts asked for, or 1 and all cores. */
    static List<Integer> threadCounts(List<Integer> asked) {
        if (asked == null || asked.isEmpty()) {
            int cores = Runtime.getRuntime().availableProcessors();
            return cores == 1 ? List.of(1) : List.of(1, cores);
        }
        for (int t : asked) if (t < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + t);
        return asked;
    }
}
