package io.genai4j.cli.rag;

import io.genai4j.engine.util.Rounding;
import io.genai4j.rag.eval.EvalResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Retrieval rows (method, recall@1/5/10, MRR, latency) as a table for people and as JSON maps. */
public final class EvalTable {
    private final List<EvalResult.Method> rows = new ArrayList<>();

    public EvalTable add(EvalResult.Method m) {
        rows.add(m);
        return this;
    }

    public EvalTable addAll(List<EvalResult.Method> ms) {
        rows.addAll(ms);
        return this;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-18s %8s %8s %8s %8s %9s %9s%n", "method", "R@1", "R@5", "R@10", "MRR", "p50 ms", "p99 ms");
        for (EvalResult.Method m : rows) {
            out.printf(Locale.ROOT, "%-18s %8.4f %8.4f %8.4f %8.4f %9.2f %9.2f%n", m.name(), m.recallAt1(), m.recallAt5(), m.recallAt10(), m.mrr(),
                    m.p50Millis(), m.p99Millis());
        }
    }

    public List<Map<String, Object>> json() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EvalResult.Method m : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("method", m.name());
            o.put("recall_at_1", Rounding.places(m.recallAt1(), 4));
            o.put("recall_at_5", Rounding.places(m.recallAt5(), 4));
            o.put("recall_at_10", Rounding.places(m.recallAt10(), 4));
            o.put("mrr", Rounding.places(m.mrr(), 4));
            o.put("p50_ms", Rounding.places(m.p50Millis(), 3));
            o.put("p99_ms", Rounding.places(m.p99Millis(), 3));
            out.add(o);
        }
        return out;
    }
}
