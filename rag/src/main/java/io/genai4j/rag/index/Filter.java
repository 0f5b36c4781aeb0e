package io.genai4j.rag.index;

import io.genai4j.engine.util.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Metadata conditions every hit must meet, all of them: {@code source=docs/guide.md} (exact),
 * {@code source=docs/*} (prefix), {@code type=pdf}, {@code title=...}. Applied inside the searches
 * (the kNN search explores the graph under the filter), not after them. Free of Lucene: each index
 * translates it (locally {@code LuceneFilter}, on Solr into fq).
 */
public record Filter(List<Condition> conditions) {
    public static final Filter NONE = new Filter(List.of());
    static final Set<String> FIELDS = Set.of(Fields.SOURCE, Fields.TYPE, Fields.TITLE);

    /** One field's exact value, or a prefix when prefix is true. */
    public record Condition(String field, String value, boolean prefix) {}

    public Filter {
        conditions = List.copyOf(conditions);
    }

    /** Parses {@code field=value} items; a value ending in * is a prefix. */
    public static Filter parse(List<String> items) {
        List<Condition> out = new ArrayList<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            String field = eq < 0 ? "" : item.substring(0, eq).strip();
            if (eq < 0 || !FIELDS.contains(field)) {
                throw new IllegalArgumentException("filter " + Printable.of(item) + ": expected FIELD=VALUE with FIELD one of " + FIELDS);
            }
            String value = item.substring(eq + 1);
            boolean prefix = value.endsWith("*");
            out.add(new Condition(field, prefix ? value.substring(0, value.length() - 1) : value, prefix));
        }
        return new Filter(out);
    }
}
