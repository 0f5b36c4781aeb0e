package io.genai4j.llm.grammar;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema (draft 2020-12 and draft-07 spellings) compiled to a grammar of compact JSON (no
 * whitespace) whose every sentence is valid against the schema. Supported: {@code type} (one or a
 * list), {@code properties} with {@code required} (optional properties may be left out, in the
 * declared order), {@code additionalProperties} ({@code false}; a schema for maps without
 * {@code properties}), {@code enum}, {@code const}, {@code items}, {@code prefixItems},
 * {@code minItems}/{@code maxItems}, {@code anyOf}, {@code oneOf}, {@code allOf} of one schema,
 * {@code $ref} to {@code #}, {@code #/$defs/..} and {@code #/definitions/..} (recursion included),
 * strings with {@code minLength}/{@code maxLength}, {@code pattern} (a regular expression, see
 * {@link Regex}) or {@code format} (date, time, date-time, email, uuid, ipv4, hostname), integers
 * and numbers with {@code minimum}, {@code maximum}, {@code exclusiveMinimum} and
 * {@code exclusiveMaximum} (integer-valued bounds for numbers).
 *
 * <p>The grammar may produce a subset of the valid documents, never an invalid one: objects carry
 * only their declared properties (extra ones are allowed by default but never needed); {@code oneOf}
 * branches are offered like {@code anyOf}, so they must not overlap (one value matching two branches
 * fails {@code oneOf}); integers have at most 15 digits; numbers in a range have no exponent.
 * Annotations ({@code title}, {@code description}, {@code default}, {@code examples}, ...) are
 * ignored; any other keyword is an error naming it and its JSON pointer, never silently dropped.
 */
public final class JsonSchema {
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$schema", "$id", "$comment", "examples", "default",
            "deprecated", "readOnly", "writeOnly", "$defs", "definitions", "$anchor");
    private static final Set<String> STRING_KEYS = Set.of("minLength", "maxLength", "pattern", "format");
    private static final Set<String> NUMBER_KEYS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
    private static final Set<String> OBJECT_KEYS = Set.of("properties", "required", "additionalProperties");
    private static final Set<String> ARRAY_KEYS = Set.of("items", "prefixItems", "minItems", "maxItems", "uniqueItems");
    private static final List<String> TYPES = List.of("object", "array", "string", "number", "integer", "boolean", "null");
    /** Digits of an integer without bounds: keeps values exact in a double and in JavaScript. */
    static final int MAX_DIGITS = 15;
    private static final long MAX_ABS = 999_999_999_999_999L;

    private final GrammarBuilder b = new GrammarBuilder();
    private final Object root;
    private final Map<String, Integer> refs = new HashMap<>();
    private final Map<String, Grammar.Element> common = new HashMap<>();

    private final Separators separators;

    /**
     * How members and items are separated: {@link #COMPACT} ({@code ,} and {@code :}, the fewest
     * tokens) or {@link #PYTHON} ({@code ", "} and {@code ": "}, as Python's json.dumps and the chat
     * templates' {@code tojson} write it, so a model trained on rendered tool calls meets its own style).
     */
    public enum Separators {
        COMPACT(",", ":"), PYTHON(", ", ": ");

        final String item, key;

        Separators(String item, String key) {
            this.item = item;
            this.key = key;
        }
    }

    private JsonSchema(Object root, Separators separators) {
        this.root = root;
        this.separators = separators;
    }

    /** The separator between items or members ({@code ,} or {@code ", "}). */
    private Grammar.Element comma() {
        return separator("sep-comma", separators.item);
    }

    /** The separator between a key and its value ({@code :} or {@code ": "}). */
    private Grammar.Element colon() {
        return separator("sep-colon", separators.key);
    }

    private Grammar.Element separator(String name, String text) {
        if (text.length() == 1) return CharRanges.single(text.charAt(0));
        return common.computeIfAbsent(name, k -> b.group(k, List.of(GrammarBuilder.literal(text))));
    }

    /** The grammar of the documents valid against a schema given as JSON text. */
    public static Grammar grammar(String schemaJson) {
        return grammar(schemaJson, Separators.COMPACT);
    }

    /** The same with the given separators. */
    public static Grammar grammar(String schemaJson, Separators separators) {
        Object schema;
        try {
            schema = Json.parse(schemaJson);
        } catch (Json.ParseException e) {
            throw new GrammarException("the schema is not valid JSON: " + e.getMessage());
        }
        return grammar(schema, separators);
    }

    /** The grammar of a schema already parsed into maps and lists ({@link Json#parse}). */
    public static Grammar grammar(Object schema) {
        return grammar(schema, Separators.COMPACT);
    }

    /** The same with the given separators. */
    public static Grammar grammar(Object schema, Separators separators) {
        JsonSchema c = new JsonSchema(schema, separators);
        Grammar.Element e = c.compile(schema, "#");
        int r = c.b.rule("root");
        c.b.define(r, List.of(List.of(e)));
        return c.b.build("root");
    }

    private Grammar.Element compile(Object schema, String path) {
        if (Boolean.TRUE.equals(schema)) return any();
        if (Boolean.FALSE.equals(schema)) throw error(path, "the schema 'false' matches nothing");
        if (!(schema instanceof Map<?, ?> raw)) throw error(path, "a schema must be an object or a boolean, got " + Json.typeName(schema));
        @SuppressWarnings("unchecked") Map<String, Object> s = (Map<String, Object>) raw;
        Set<String> keys = new LinkedHashSet<>(s.keySet());
        keys.removeAll(ANNOTATIONS);
        if (keys.contains("$ref")) {
            only(keys, Set.of("$ref"), path, "beside $ref");
            return ref(string(s.get("$ref"), path + "/$ref"), path);
        }
        if (keys.contains("allOf")) {
            List<Object> all = list(s.get("allOf"), path + "/allOf");
            if (all.size() != 1 || keys.size() != 1) throw error(path + "/allOf", "unsupported keyword 'allOf' (only allOf with one schema and nothing beside it)");
            return compile(all.get(0), path + "/allOf/0");
        }
        for (String k : List.of("anyOf", "oneOf")) {
            if (!keys.contains(k)) continue;
            only(keys, Set.of(k), path, "beside " + k);
            List<Object> branches = list(s.get(k), path + "/" + k);
            if (branches.isEmpty()) throw error(path + "/" + k, k + " needs at least one schema");
            List<List<Grammar.Element>> alts = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) alts.add(List.of(compile(branches.get(i), path + "/" + k + "/" + i)));
            return b.group(k, alts);
        }
        List<String> types = types(s, keys, path);
        if (keys.contains("const") || keys.contains("enum")) {
            only(keys, Set.of("const", "enum", "type"), path, "beside enum/const");
            List<Object> values = keys.contains("const") ? java.util.Collections.singletonList(s.get("const")) : list(s.get("enum"), path + "/enum");
            List<List<Grammar.Element>> alts = new ArrayList<>();
            for (Object v : values) if (types == null || types.contains(typeOf(v)) || (typeOf(v).equals("integer") && types.contains("number"))) {
                alts.add(GrammarBuilder.literal(Json.toJson(v, Integer.MAX_VALUE)));
            }
            if (alts.isEmpty()) throw error(path, "no value of enum/const has the schema's type");
            return b.group("enum", alts);
        }
        if (types == null) {
            only(keys, Set.of(), path, "in a schema without 'type'");
            return any();
        }
        Set<String> used = new HashSet<>(Set.of("type"));
        List<List<Grammar.Element>> alts = new ArrayList<>();
        for (String t : types) {
            alts.add(List.of(switch (t) {
                case "object" -> object(s, path, used);
                case "array" -> array(s, path, used);
                case "string" -> string(s, path, used);
                case "integer" -> integer(s, path, used);
                case "number" -> number(s, path, used);
                case "boolean" -> b.group("boolean", List.of(GrammarBuilder.literal("true"), GrammarBuilder.literal("false")));
                default -> b.group("null", List.of(GrammarBuilder.literal("null")));
            }));
        }
        only(keys, used, path, "for type " + types);
        return alts.size() == 1 ? alts.get(0).get(0) : b.group("types", alts);
    }

    /** The types a schema allows, explicit or implied by its keywords; null for any value. */
    private List<String> types(Map<String, Object> s, Set<String> keys, String path) {
        Object t = s.get("type");
        if (t instanceof String one) t = List.of(one);
        if (t instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof String name) || !TYPES.contains(name)) throw error(path + "/type", "unknown type '" + Printable.of(String.valueOf(o)) + "' (known: " + TYPES + ")");
                out.add(name);
            }
            return out;
        }
        if (t != null) throw error(path + "/type", "'type' must be a string or a list of strings");
        if (keys.stream().anyMatch(OBJECT_KEYS::contains)) return List.of("object");
        if (keys.stream().anyMatch(ARRAY_KEYS::contains)) return List.of("array");
        if (keys.stream().anyMatch(STRING_KEYS::contains)) return List.of("string");
        if (keys.stream().anyMatch(NUMBER_KEYS::contains)) return List.of("number");
        return null;
    }

    private Grammar.Element object(Map<String, Object> s, String path, Set<String> used) {
        used.addAll(OBJECT_KEYS);
        Map<String, Object> props = map(s.getOrDefault("properties", Map.of()), path + "/properties");
        Set<String> required = new LinkedHashSet<>();
        for (Object r : list(s.getOrDefault("required", List.of()), path + "/required")) required.add(string(r, path + "/required"));
        Object additional = s.getOrDefault("additionalProperties", true);
        List<String> names = new ArrayList<>(props.keySet());
        for (String r : required) {
            if (props.containsKey(r)) continue;
            if (Boolean.FALSE.equals(additional)) throw error(path + "/required", "required property " + Printable.of(r) + " is not in 'properties' and additionalProperties is false");
            names.add(r);
        }
        if (names.isEmpty()) {
            if (Boolean.FALSE.equals(additional)) return b.group("object", List.of(GrammarBuilder.literal("{}")));
            Grammar.Element value = compile(additional, path + "/additionalProperties");
            List<Grammar.Element> kv = new ArrayList<>(List.of(stringRule(), colon(), value));
            Grammar.Element member = b.group("member", List.of(kv));
            Grammar.Element more = b.group("members", List.of(b.repeat(b.group("member", List.of(List.of(comma(), member))), 0, -1)));
            List<Grammar.Element> some = new ArrayList<>(List.of(CharRanges.single('{'), member, more, CharRanges.single('}')));
            return b.group("map", List.of(GrammarBuilder.literal("{}"), some));
        }
        // Members i.. given whether one was already written (then each starts with a comma): 2n rules.
        Grammar.Element[] kvs = new Grammar.Element[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            Object ps = props.containsKey(n) ? props.get(n) : Boolean.TRUE;
            List<Grammar.Element> kv = new ArrayList<>(GrammarBuilder.literal(Json.quote(n) + separators.key));
            kv.add(compile(ps, path + "/properties/" + pointerEscape(n)));
            kvs[i] = b.group("kv", List.of(kv));
        }
        Grammar.Element[][] rest = new Grammar.Element[names.size() + 1][2];
        for (int i = names.size(); i >= 0; i--) {
            for (int w = 0; w < 2; w++) {
                if (i == names.size()) {
                    rest[i][w] = b.group("end", List.of(List.of()));
                    continue;
                }
                List<Grammar.Element> take = new ArrayList<>();
                if (w == 1) take.add(comma());
                take.add(kvs[i]);
                take.add(rest[i + 1][1]);
                rest[i][w] = required.contains(names.get(i)) ? b.group("props", List.of(take)) : b.group("props", List.of(take, List.of(rest[i + 1][w])));
            }
        }
        return b.group("object", List.of(List.of(CharRanges.single('{'), rest[0][0], CharRanges.single('}'))));
    }

    private Grammar.Element array(Map<String, Object> s, String path, Set<String> used) {
        used.addAll(ARRAY_KEYS);
        if (Boolean.TRUE.equals(s.get("uniqueItems"))) throw error(path + "/uniqueItems", "unsupported keyword 'uniqueItems'");
        List<Object> prefix = list(s.getOrDefault("prefixItems", List.of()), path + "/prefixItems");
        Object items = s.getOrDefault("items", true);
        int min = count(s, "minItems", 0, path), max = count(s, "maxItems", -1, path);
        if (max >= 0 && max < prefix.size()) throw error(path + "/maxItems", "maxItems " + max + " is below the " + prefix.size() + " prefixItems");
        if (max >= 0 && max < min) throw error(path + "/maxItems", "maxItems " + max + " is below minItems " + min);
        List<Grammar.Element> seq = new ArrayList<>();
        seq.add(CharRanges.single('['));
        for (int i = 0; i < prefix.size(); i++) {
            if (i > 0) seq.add(comma());
            seq.add(compile(prefix.get(i), path + "/prefixItems/" + i));
        }
        int restMin = Math.max(0, min - prefix.size()), restMax = max < 0 ? -1 : max - prefix.size();
        if (Boolean.FALSE.equals(items)) {
            if (restMin > 0) throw error(path + "/minItems", "minItems " + min + " needs more items than prefixItems allows with items false");
        } else if (restMax != 0) {
            Grammar.Element item = compile(items, path + "/items");
            Grammar.Element sepItem = b.group("item", List.of(List.of(comma(), item)));
            if (!prefix.isEmpty()) {
                seq.add(b.group("items", List.of(b.repeat(sepItem, restMin, restMax))));
            } else {
                List<Grammar.Element> some = new ArrayList<>();
                some.add(item);
                some.addAll(b.repeat(sepItem, Math.max(0, restMin - 1), restMax < 0 ? -1 : restMax - 1));
                Grammar.Element nonEmpty = b.group("items", List.of(some));
                seq.add(restMin > 0 ? nonEmpty : b.group("items", List.of(List.of(nonEmpty), List.of())));
            }
        }
        seq.add(CharRanges.single(']'));
        return b.group("array", List.of(seq));
    }

    private Grammar.Element string(Map<String, Object> s, String path, Set<String> used) {
        used.addAll(STRING_KEYS);
        int min = count(s, "minLength", 0, path), max = count(s, "maxLength", -1, path);
        boolean lengths = s.containsKey("minLength") || s.containsKey("maxLength");
        Grammar.Chars plain = CharRanges.complement(CharRanges.of('"', '"', '\\', '\\', 0, 0x1F));
        Grammar.Element body;
        if (s.containsKey("pattern")) {
            if (lengths || s.containsKey("format")) throw error(path, "'pattern' together with minLength/maxLength/format is not supported");
            body = Regex.compile(string(s.get("pattern"), path + "/pattern"), b, plain, "pattern at " + path + "/pattern", false);
        } else if (s.containsKey("format")) {
            if (lengths) throw error(path, "'format' together with minLength/maxLength is not supported");
            String f = string(s.get("format"), path + "/format");
            String regex = Formats.regex(f);
            if (regex == null) throw error(path + "/format", "unsupported format '" + Printable.of(f) + "' (supported: " + Formats.NAMES + ")");
            body = Regex.compile(regex, b, plain, "format", true);
        } else {
            if (max >= 0 && max < min) throw error(path + "/maxLength", "maxLength " + max + " is below minLength " + min);
            body = b.group("chars", List.of(b.repeat(charRule(), min, max)));
        }
        return b.group("string", List.of(List.of(CharRanges.single('"'), body, CharRanges.single('"'))));
    }

    private Grammar.Element integer(Map<String, Object> s, String path, Set<String> used) {
        used.addAll(NUMBER_KEYS);
        long lo = -MAX_ABS, hi = MAX_ABS;
        for (String k : NUMBER_KEYS) {
            if (!s.containsKey(k)) continue;
            double v = bound(s.get(k), path + "/" + k);
            switch (k) {
                case "minimum" -> lo = Math.max(lo, (long) Math.ceil(v));
                case "exclusiveMinimum" -> lo = Math.max(lo, (long) Math.floor(v) + 1);
                case "maximum" -> hi = Math.min(hi, (long) Math.floor(v));
                default -> hi = Math.min(hi, (long) Math.ceil(v) - 1);
            }
        }
        if (lo > hi) throw error(path, "no integer lies in the range [" + lo + ", " + hi + "]");
        return NumberRanges.integer(b, lo, hi);
    }

    private Grammar.Element number(Map<String, Object> s, String path, Set<String> used) {
        used.addAll(NUMBER_KEYS);
        if (NUMBER_KEYS.stream().noneMatch(s::containsKey)) return numberRule();
        long lo = -MAX_ABS, hi = MAX_ABS;
        boolean loIn = true, hiIn = true;
        for (String k : NUMBER_KEYS) {
            if (!s.containsKey(k)) continue;
            double v = bound(s.get(k), path + "/" + k);
            if (v != Math.rint(v) || Math.abs(v) > MAX_ABS) throw error(path + "/" + k, "a number bound must be an integer of at most 15 digits, got " + v);
            long x = (long) v;
            switch (k) {
                case "minimum" -> { if (x > lo || (x == lo && !loIn)) { lo = x; loIn = true; } }
                case "exclusiveMinimum" -> { if (x >= lo) { lo = x; loIn = false; } }
                case "maximum" -> { if (x < hi || (x == hi && !hiIn)) { hi = x; hiIn = true; } }
                default -> { if (x <= hi) { hi = x; hiIn = false; } }
            }
        }
        return NumberRanges.number(b, lo, loIn, hi, hiIn, path);
    }

    private double bound(Object v, String path) {
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return d;
        if (v instanceof BigInteger) throw error(path, "bound out of range");
        throw error(path, "a bound must be a number, got " + Json.typeName(v));
    }

    private Grammar.Element ref(String ref, String path) {
        Integer id = refs.get(ref);
        if (id != null) return new Grammar.Ref(id);
        if (!ref.equals("#") && !ref.startsWith("#/")) throw error(path + "/$ref", "only local references (#, #/$defs/NAME) are supported, got " + Printable.of(ref));
        Object target = root;
        if (!ref.equals("#")) {
            for (String part : ref.substring(2).split("/", -1)) {
                String key = java.net.URLDecoder.decode(part.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
                if (target instanceof Map<?, ?> m && m.containsKey(key)) target = m.get(key);
                else if (target instanceof List<?> l && key.matches("\\d+") && Integer.parseInt(key) < l.size()) target = l.get(Integer.parseInt(key));
                else throw error(path + "/$ref", "reference " + Printable.of(ref) + " points nowhere");
            }
        }
        int rule = b.fresh("ref");
        refs.put(ref, rule);
        b.define(rule, List.of(List.of(compile(target, ref))));
        return new Grammar.Ref(rule);
    }

    // Shared rules: any JSON value, strings, numbers.

    /** A shared rule, made on first use (not with computeIfAbsent: making one may make another). */
    private Grammar.Element shared(String name, java.util.function.Supplier<Grammar.Element> make) {
        Grammar.Element e = common.get(name);
        if (e == null) {
            e = make.get();
            common.put(name, e);
        }
        return e;
    }

    private Grammar.Element charRule() {
        return shared("char", () -> {
            Grammar.Chars plain = CharRanges.complement(CharRanges.of('"', '"', '\\', '\\', 0, 0x1F));
            Grammar.Element hex = CharRanges.HEX;
            // backslash-u escapes of scalar values only: a lone surrogate would break length counts and strict parsers.
            Grammar.Element u = b.group("unicode", List.of(
                    List.of(CharRanges.of('0', '9', 'a', 'c', 'A', 'C'), hex, hex, hex),
                    List.of(CharRanges.of('d', 'd', 'D', 'D'), CharRanges.of('0', '7'), hex, hex),
                    List.of(CharRanges.of('e', 'f', 'E', 'F'), hex, hex, hex)));
            Grammar.Element esc = b.group("escape", List.of(List.of(CharRanges.of('"', '"', '\\', '\\', '/', '/', 'b', 'b', 'f', 'f', 'n', 'n', 'r', 'r', 't', 't')),
                    List.of(CharRanges.single('u'), u)));
            return b.group("char", List.of(List.of(plain), List.of(CharRanges.single('\\'), esc)));
        });
    }

    private Grammar.Element stringRule() {
        return shared("string", () -> b.group("string", List.of(List.of(CharRanges.single('"'),
                b.group("chars", List.of(b.repeat(charRule(), 0, -1))), CharRanges.single('"')))));
    }

    private Grammar.Element numberRule() {
        return shared("number", () -> {
            Grammar.Element intPart = NumberRanges.integer(b, -MAX_ABS, MAX_ABS);
            Grammar.Element frac = b.group("frac", List.of(List.of(CharRanges.single('.'), b.group("digits", List.of(b.repeat(CharRanges.DIGIT, 1, MAX_DIGITS)))), List.of()));
            Grammar.Element exp = b.group("exp", List.of(List.of(CharRanges.of('e', 'e', 'E', 'E'), b.group("sign", List.of(List.of(CharRanges.of('+', '+', '-', '-')), List.of())),
                    b.group("digits", List.of(b.repeat(CharRanges.DIGIT, 1, 2)))), List.of()));
            return b.group("number", List.of(List.of(intPart, frac, exp)));
        });
    }

    private Grammar.Element any() {
        Grammar.Element existing = common.get("value");
        if (existing != null) return existing;
        int value = b.fresh("value");
        Grammar.Element v = new Grammar.Ref(value);
        common.put("value", v);
        Grammar.Element member = b.group("member", List.of(List.of(stringRule(), colon(), v)));
        Grammar.Element object = b.group("object", List.of(GrammarBuilder.literal("{}"), List.of(CharRanges.single('{'), member,
                b.group("members", List.of(b.repeat(b.group("more", List.of(List.of(comma(), member))), 0, -1))), CharRanges.single('}'))));
        Grammar.Element array = b.group("array", List.of(GrammarBuilder.literal("[]"), List.of(CharRanges.single('['), v,
                b.group("elements", List.of(b.repeat(b.group("more", List.of(List.of(comma(), v))), 0, -1))), CharRanges.single(']'))));
        b.define(value, List.of(List.of(object), List.of(array), List.of(stringRule()), List.of(numberRule()),
                GrammarBuilder.literal("true"), GrammarBuilder.literal("false"), GrammarBuilder.literal("null")));
        return v;
    }

    // Reading the schema.

    private static String typeOf(Object v) {
        if (v == null) return "null";
        if (v instanceof Map) return "object";
        if (v instanceof List) return "array";
        if (v instanceof String) return "string";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Long || v instanceof BigInteger) return "integer";
        return "number";
    }

    private static void only(Set<String> keys, Set<String> allowed, String path, String where) {
        for (String k : keys) {
            if (!allowed.contains(k)) throw error(path + "/" + pointerEscape(k), "unsupported JSON Schema keyword " + Printable.of("'" + k + "'") + " " + where);
        }
    }

    private static int count(Map<String, Object> s, String key, int absent, String path) {
        Object v = s.get(key);
        if (v == null) return absent;
        if (!(v instanceof Long l) || l < 0 || l > 100_000) throw error(path + "/" + key, key + " must be a non-negative integer, got " + Printable.of(String.valueOf(v)));
        return (int) (long) l;
    }

    private static String string(Object v, String path) {
        if (v instanceof String s) return s;
        throw error(path, "expected a string, got " + Json.typeName(v));
    }

    private static List<Object> list(Object v, String path) {
        if (v instanceof List<?> l) return new ArrayList<>(l);
        throw error(path, "expected an array, got " + Json.typeName(v));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String path) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw error(path, "expected an object, got " + Json.typeName(v));
    }

    private static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static GrammarException error(String path, String what) {
        return new GrammarException(Printable.of(path) + ": " + what);
    }
}
