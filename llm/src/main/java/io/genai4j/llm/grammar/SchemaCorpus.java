package io.genai4j.llm.grammar;

import io.genai4j.engine.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A reproducible set of real-world-shaped JSON Schemas (the structured outputs that applications
 * ask models for: records, orders, events, API results, configurations), made from a seed: nested
 * objects, arrays of objects, enums, optional fields, {@code $defs}/{@code $ref}, {@code anyOf} and
 * {@code oneOf} of tagged variants, string patterns, formats and lengths, integer and number ranges.
 * The benchmark and the validity proof use the same set. Every repetition is bounded (maxLength,
 * maxItems, {n,m} in patterns): a model that writes anything would otherwise run into the token
 * limit inside an unbounded run of digits (the document would be cut, not invalid).
 */
public final class SchemaCorpus {
    private SchemaCorpus() {}

    private static final String[] NAMES = {"id", "name", "title", "email", "age", "price", "quantity", "status", "created_at", "tags",
            "address", "city", "country", "zip", "phone", "description", "rating", "score", "active", "verified", "items", "owner",
            "category", "priority", "due_date", "start", "end", "latitude", "longitude", "count", "total", "currency", "language",
            "author", "version", "url_slug", "sku", "color", "size", "weight", "notes", "level", "role", "department", "salary",
            "temperature", "unit", "reason", "summary", "sentiment", "confidence", "answer", "steps", "location", "user", "metadata"};
    private static final String[][] ENUMS = {{"low", "medium", "high"}, {"open", "closed", "pending", "archived"},
            {"positive", "negative", "neutral"}, {"USD", "EUR", "GBP", "JPY"}, {"red", "green", "blue"}, {"admin", "editor", "viewer"},
            {"S", "M", "L", "XL"}, {"celsius", "fahrenheit"}};
    private static final String[] PATTERNS = {"^[A-Z]{3}-[0-9]{4}$", "^[a-z][a-z0-9_]{2,15}$", "^\\+?[0-9]{7,12}$", "^[0-9]{5}(-[0-9]{4})?$",
            "^#[0-9a-f]{6}$", "^v[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,4}$", "[A-Z]{2}[0-9]{2}"};
    private static final String[] FORMATS = {"date", "date-time", "email", "uuid", "ipv4", "time", "hostname"};

    /** n schemas from a seed, as JSON texts. */
    public static List<String> generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Json.toJson(schema(r, i), Integer.MAX_VALUE));
        return out;
    }

    private static Map<String, Object> schema(SplittableRandom r, int i) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "schema " + i);
        switch (i % 5) {
            case 0, 1, 2 -> root.putAll(object(r, 0, null));
            case 3 -> {   // shared definitions referenced more than once
                Map<String, Object> defs = new LinkedHashMap<>();
                defs.put("Entry", object(r, 1, null));
                root.put("$defs", defs);
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("primary", Map.of("$ref", "#/$defs/Entry"));
                props.put("others", array(Map.of("$ref", "#/$defs/Entry"), r, 0, 3));
                props.put(pick(r, NAMES), leaf(r));
                root.put("type", "object");
                root.put("properties", props);
                root.put("required", List.of("primary", "others"));
                root.put("additionalProperties", false);
            }
            default -> {   // a result that is one of tagged variants
                List<Object> variants = new ArrayList<>();
                String[] tags = {"success", "error", "pending"};
                int k = 2 + r.nextInt(2);
                for (int v = 0; v < k; v++) {
                    Map<String, Object> o = object(r, 1, null);
                    @SuppressWarnings("unchecked") Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) o.get("properties"));
                    Map<String, Object> withKind = new LinkedHashMap<>();
                    withKind.put("kind", Map.of("const", tags[v]));
                    withKind.putAll(props);
                    o.put("properties", withKind);
                    List<Object> req = new ArrayList<>((List<?>) o.get("required"));
                    req.add(0, "kind");
                    o.put("required", req);
                    variants.add(o);
                }
                root.put(r.nextBoolean() ? "anyOf" : "oneOf", variants);
            }
        }
        return root;
    }

    private static Map<String, Object> object(SplittableRandom r, int depth, String forced) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        Map<String, Object> props = new LinkedHashMap<>();
        int n = 2 + r.nextInt(depth == 0 ? 5 : 3);
        while (props.size() < n) {
            String name = pick(r, NAMES);
            if (props.containsKey(name)) continue;
            double c = r.nextDouble();
            Object p;
            if (depth < 2 && c < 0.15) p = object(r, depth + 1, null);
            else if (depth < 2 && c < 0.27) p = array(object(r, depth + 1, null), r, 0, 4);
            else if (c < 0.35) p = array(leaf(r), r, 1, 5);
            else p = leaf(r);
            props.put(name, p);
        }
        o.put("properties", props);
        List<String> required = new ArrayList<>();
        for (String k : props.keySet()) if (r.nextDouble() < 0.6) required.add(k);
        o.put("required", required);
        if (r.nextDouble() < 0.5) o.put("additionalProperties", false);
        return o;
    }

    private static Map<String, Object> array(Object items, SplittableRandom r, int min, int max) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "array");
        a.put("items", items);
        if (r.nextBoolean()) a.put("minItems", (long) min);
        a.put("maxItems", (long) max);
        return a;
    }

    private static Map<String, Object> leaf(SplittableRandom r) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (r.nextInt(12)) {
            case 0, 1 -> {
                s.put("type", "string");
                s.put("maxLength", (long) (8 + r.nextInt(40)));
                if (r.nextBoolean()) s.put("minLength", 1L);
            }
            case 2 -> s.put("enum", List.of((Object[]) ENUMS[r.nextInt(ENUMS.length)]));
            case 3 -> {
                s.put("type", "string");
                s.put("format", pick(r, FORMATS));
            }
            case 4 -> {
                s.put("type", "string");
                s.put("pattern", pick(r, PATTERNS));
            }
            case 5, 6 -> {
                s.put("type", "integer");
                long lo = r.nextInt(3) == 0 ? -r.nextInt(1000) : r.nextInt(10);
                if (r.nextBoolean()) s.put("minimum", lo);
                if (r.nextBoolean()) s.put("maximum", lo + 1 + r.nextInt(100_000));
            }
            case 7 -> {
                s.put("type", "number");
                if (r.nextBoolean()) {
                    s.put("minimum", (long) -r.nextInt(100));
                    s.put(r.nextBoolean() ? "maximum" : "exclusiveMaximum", (long) (1 + r.nextInt(1000)));
                }
            }
            case 8 -> s.put("type", "boolean");
            case 9 -> {
                s.put("type", List.of("string", "null"));
                s.put("maxLength", (long) (8 + r.nextInt(60)));
            }
            case 10 -> s.put("const", pick(r, NAMES));
            default -> s.put("anyOf", List.of(Map.of("type", "integer", "minimum", 0L, "maximum", 10L), Map.of("type", "string", "enum", List.of("none", "all"))));
        }
        if (r.nextInt(4) == 0) s.put("description", "the " + pick(r, NAMES));
        return s;
    }

    private static String pick(SplittableRandom r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }
}
