package io.genai4j.bench;

import io.genai4j.bench.fleet.LoadTest;
import io.genai4j.bench.fleet.Nginx;
import io.genai4j.bench.fleet.Replica;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai bench serve MODEL}: a fleet on loopback, measured. Starts {@code --replicas} {@code
 * genai serve} processes behind a real nginx, runs a bounded streaming load at each concurrency of
 * {@code --streams} (time to first token p50/p99, aggregate tokens/s, which replica answered), then
 * a failover round in which one replica is killed (SIGKILL) halfway: retrying clients must lose no
 * request. Peak RSS of each replica is read after every round, and after each of {@code --rss-runs}
 * equal runs in a row (with the RSS of the moment), where growth would show a leak.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test genai serve replicas behind nginx: TTFT p50/p99 and tokens/s per concurrency, then kill one replica mid-load.",
                "nginx must be installed (bench/scripts/install-nginx.sh). The load is bounded: it stops by itself."})
public final class BenchServe implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file, a model directory, or OWNER/REPO in the cache.") String model;
    @Option(names = "--replicas", defaultValue = "2", description = "genai serve processes (default ${DEFAULT-VALUE}).") int replicas;
    @Option(names = "--parallel", defaultValue = "4", description = "--parallel of each replica (default ${DEFAULT-VALUE}).") int parallel;
    @Option(names = "--replica-threads", defaultValue = "1", description = "--threads of each replica (default ${DEFAULT-VALUE}).") int replicaThreads;
    @Option(names = "--streams", split = ",", defaultValue = "1,2,4,8", description = "Concurrent streams per round (default ${DEFAULT-VALUE}).") List<Integer> streams;
    @Option(names = "--requests", defaultValue = "4", description = "Requests per stream and round (default ${DEFAULT-VALUE}).") int requests;
    @Option(names = "--max-tokens", defaultValue = "32", description = "Tokens per answer (default ${DEFAULT-VALUE}).") int maxTokens;
    @Option(names = "--retries", defaultValue = "4", description = "Retries of a failed request (default ${DEFAULT-VALUE}).") int retries;
    @Option(names = "--rss-runs", defaultValue = "2",
            description = "Load runs at the largest --streams after the rounds, each followed by every replica's peak and current RSS: a leak shows as growth (default ${DEFAULT-VALUE}; 0 = none).") int rssRuns;
    @Option(names = "--no-failover", description = "Skip the round that kills a replica.") boolean noFailover;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (replicas < 1 || requests < 1 || streams.isEmpty() || streams.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("--replicas, --requests and every --streams value must be at least 1");
        }
        if (rssRuns < 0) throw new IllegalArgumentException("--rss-runs must be >= 0, got " + rssRuns);
        ModelStore.resolve(model);   // a missing model is one line here, not each replica's exit and log
        if (Nginx.binary() == null) throw new IllegalArgumentException("nginx is not installed: run bench/scripts/install-nginx.sh (Debian: apt-get install nginx-light)");
        Path dir = Files.createTempDirectory("genai-fleet");
        List<Replica> fleet = new ArrayList<>();
        Report report = new Report();
        try {
            for (int i = 0; i < replicas; i++) fleet.add(Replica.start(model, "fleet", parallel, replicaThreads, dir));
            for (Replica r : fleet) r.awaitReady(300_000);
            System.err.println("bench serve: " + replicas + " replicas ready (ports " + fleet.stream().map(r -> Integer.toString(r.port())).toList() + ")");
            try (Nginx nginx = Nginx.start(fleet.stream().map(Replica::port).toList(), dir.resolve("nginx"))) {
                LoadTest load = new LoadTest(nginx.url(), "fleet", maxTokens, retries);
                load.run(replicas, 2, n -> {});   // warm-up, not reported: JIT compilation and first-touch of the weights
                List<Map<String, Object>> rounds = new ArrayList<>();
                for (int s : streams) {
                    LoadTest.Result r = load.run(s, requests, n -> {});
                    rounds.add(row(r, fleet));
                    System.err.printf(Locale.ROOT, "%d streams: %d requests, %d lost, TTFT p50 %.3f s p99 %.3f s, %.1f tokens/s%n", s, r.requests(), r.lost(),
                            r.ttftPercentile(0.5), r.ttftPercentile(0.99), r.tokensPerSecond());
                }
                report.put("rounds", rounds);
                int widest = streams.stream().mapToInt(Integer::intValue).max().orElseThrow();
                if (rssRuns > 0) report.put("rss_runs", rssRuns(load, widest, fleet));
                List<Long> answered = new ArrayList<>();
                for (Replica r : fleet) answered.add(r.answered());
                report.put("answered_per_replica", answered);
                System.err.println("answered per replica: " + answered);
                if (!noFailover && replicas > 1) {
                    int s = widest;
                    int total = s * requests;
                    AtomicBoolean killed = new AtomicBoolean();
                    Replica victim = fleet.getFirst();
                    LoadTest.Result r = load.run(s, requests, n -> {
                        if (n >= total / 2 && killed.compareAndSet(false, true)) {
                            try {
                                victim.kill();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
                    Map<String, Object> f = row(r, fleet);
                    f.put("killed_port", victim.port());
                    report.put("failover", f);
                    System.err.printf(Locale.ROOT, "failover (%d streams, replica %d killed halfway): %d requests, %d retries, %d lost%n", s, victim.port(),
                            r.requests(), r.retries(), r.lost());
                }
            }
        } finally {
            for (Replica r : fleet) r.close();
        }
        if (json.on()) report.printJson(System.out);
        return 0;
    }

    /**
     * The same load {@code --rss-runs} times in a row, each followed by every replica's peak RSS
     * (VmHWM) and RSS now (VmRSS). Equal loads should leave the peak where the first run put it:
     * growth from run to run is memory kept per request, a leak.
     */
    private List<Map<String, Object>> rssRuns(LoadTest load, int streamsPerRun, List<Replica> fleet) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 1; i <= rssRuns; i++) {
            LoadTest.Result r = load.run(streamsPerRun, requests, n -> {});
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", i);
            m.put("requests", r.requests());
            m.put("lost", r.lost());
            List<Long> peak = new ArrayList<>(), now = new ArrayList<>();
            for (Replica x : fleet) {
                peak.add(x.peakRssBytes());
                now.add(x.rssBytes());
            }
            m.put("peak_rss_bytes", peak);
            m.put("rss_bytes", now);
            runs.add(m);
            System.err.printf(Locale.ROOT, "RSS run %d (%d streams × %d requests, %d lost): peak RSS MiB %s, now %s%n", i, streamsPerRun, requests, r.lost(),
                    peak.stream().map(b -> String.format(Locale.ROOT, "%.1f", b / 1048576.0)).toList(),
                    now.stream().map(b -> String.format(Locale.ROOT, "%.1f", b / 1048576.0)).toList());
        }
        return runs;
    }

    private static Map<String, Object> row(LoadTest.Result r, List<Replica> fleet) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("streams", r.clients());
        m.put("requests", r.requests());
        m.put("lost", r.lost());
        m.put("retries", r.retries());
        m.put("tokens", r.tokens());
        m.put("seconds", Rounding.places(r.seconds(), 3));
        m.put("tokens_per_s", Rounding.places(r.tokensPerSecond(), 2));
        m.put("ttft_p50_s", Rounding.places(r.ttftPercentile(0.5), 4));
        m.put("ttft_p99_s", Rounding.places(r.ttftPercentile(0.99), 4));
        List<Long> rss = new ArrayList<>();
        for (Replica x : fleet) rss.add(x.alive() ? x.peakRssBytes() : -1);
        m.put("peak_rss_bytes", rss);
        return m;
    }
}
