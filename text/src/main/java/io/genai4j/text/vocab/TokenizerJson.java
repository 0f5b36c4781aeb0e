package io.genai4j.text.vocab;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.PathFacts;
import io.genai4j.engine.util.Printable;
import io.genai4j.text.JsonFields;
import io.genai4j.text.bpe.PreTokenizer;
import io.genai4j.text.bpe.RegexPreTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Hugging Face tokenizer (tokenizer.json, with tokenizer_config.json and
 * generation_config.json beside it when present) into the same {@link Vocabulary} a GGUF file
 * gives, the way llama.cpp's converter does:
 * <ul>
 *   <li>a BPE model with a ByteLevel pre-tokenizer or decoder is byte-level BPE ({@code gpt2});
 *       Split regexes, Digits and Punctuation become the pre-tokenizer sequence;
 *   <li>a BPE model with byte fallback and ▁ for spaces (Llama 2, Mistral) is SentencePiece BPE
 *       ({@code llama}); a token's score is minus the rank of the first merge that makes it, so the
 *       highest-scoring pair is the lowest-ranked merge;
 *   <li>added tokens are control tokens when {@code special}, user-defined otherwise.
 * </ul>
 */
public final class TokenizerJson {
    /** Largest token id accepted: far above any real vocabulary (~260k), far below int overflow. */
    static final int MAX_ID = 50_000_000;
    /** Ids a file may skip beyond as many as it defines (see {@link #parse}). */
    static final int MAX_EXTRA_HOLES = 1024;

    private TokenizerJson() {}

    /** The vocabulary, the pre-tokenizer (null for SentencePiece), the normalizer and the chat template. */
    public record Result(Vocabulary vocabulary, PreTokenizer preTokenizer, boolean nfc, String chatTemplate) {
        public LlmTokenizer tokenizer() {
            return new LlmTokenizer(vocabulary, preTokenizer, nfc ? s -> Normalizer.normalize(s, Normalizer.Form.NFC) : null);
        }
    }

    public static Result read(Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(dir + ": expected a model folder with Hugging Face's tokenizer.json (or a .gguf file), found "
                    + PathFacts.describe(dir));
        }
        return parse(Files.readAllBytes(file), optionalBytes(dir.resolve("tokenizer_config.json")),
                optionalBytes(dir.resolve("generation_config.json")), dir);
    }

    /**
     * Parses the three files' bytes (null for an absent config); {@code dir} only names them in
     * messages. Every bad value is an IllegalArgumentException naming the file, field and value.
     */
    static Result parse(byte[] tokenizerJson, byte[] tokenizerConfig, byte[] generationConfig, Path dir) {
        String file = dir.resolve("tokenizer.json").toString();
        Map<String, Object> root = JsonFields.object(json(tokenizerJson, file), file + ": top level");
        String cfgFile = dir.resolve("tokenizer_config.json").toString(), genFile = dir.resolve("generation_config.json").toString();
        Map<String, Object> cfg = tokenizerConfig == null ? Map.of() : JsonFields.object(json(tokenizerConfig, cfgFile), cfgFile + ": top level");
        Map<String, Object> gen = generationConfig == null ? Map.of() : JsonFields.object(json(generationConfig, genFile), genFile + ": top level");
        Map<String, Object> model = JsonFields.object(root.get("model"), file + ": model");
        if (!"BPE".equals(model.get("type"))) {
            throw new IllegalArgumentException(file + ": tokenizer model " + Printable.of(String.valueOf(model.get("type"))) + " is not supported (supported: BPE)");
        }
        Map<String, Object> vocabJson = JsonFields.object(model.get("vocab"), file + ": model.vocab");
        Map<Integer, String> byId = new HashMap<>();
        for (var e : vocabJson.entrySet()) {
            byId.put(JsonFields.integer(e.getValue(), 0, MAX_ID, file + ": model.vocab[" + quoted(e.getKey()) + "]"), e.getKey());
        }
        Map<Integer, Boolean> added = new HashMap<>();
        List<Object> addedTokens = JsonFields.optionalList(root.get("added_tokens"), file + ": added_tokens");
        for (int i = 0; i < addedTokens.size(); i++) {
            String where = file + ": added_tokens[" + i + "]";
            Map<String, Object> t = JsonFields.object(addedTokens.get(i), where);
            int id = JsonFields.integer(t.get("id"), 0, MAX_ID, where + ".id");
            String content = JsonFields.string(t.get("content"), where + ".content");
            if (content.isEmpty()) throw new IllegalArgumentException(where + ".content is empty (an added token must match some text)");
            byId.put(id, content);
            added.put(id, JsonFields.bool(t.get("special"), false, where + ".special"));
        }
        int n = byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        // Ids missing between 0 and the largest id become padding tokens. Holes are allowed (some
        // files skip ids), but not more of them than tokens the file defines: the arrays are sized
        // by the largest id, so a lone id 500,000,000 in a 100-byte file would allocate gigabytes.
        if (n > 2L * byId.size() + MAX_EXTRA_HOLES) {
            throw new IllegalArgumentException(file + ": token id " + (n - 1) + " is far beyond the " + byId.size()
                    + " tokens the file defines (the ids in between would all be padding)");
        }
        String[] tokens = new String[n];
        TokenType[] types = new TokenType[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = byId.getOrDefault(i, "[PAD" + i + "]");
            types[i] = !byId.containsKey(i) ? TokenType.UNUSED
                    : added.containsKey(i) ? (added.get(i) ? TokenType.CONTROL : TokenType.USER_DEFINED) : TokenType.NORMAL;
        }
        List<String> merges = new ArrayList<>();
        List<Object> ml = JsonFields.optionalList(model.get("merges"), file + ": model.merges");
        for (int i = 0; i < ml.size(); i++) {
            Object o = ml.get(i);
            if (o instanceof String s) merges.add(s);
            else if (o instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String a && pair.get(1) instanceof String b) merges.add(a + " " + b);
            else throw new IllegalArgumentException(file + ": model.merges[" + i + "] must be \"a b\" or [\"a\", \"b\"], found " + Printable.of(Json.toJson(o, 80)));
        }
        boolean byteLevel = mentions(root.get("pre_tokenizer"), "ByteLevel") || mentions(root.get("decoder"), "ByteLevel");
        String kind = byteLevel ? "gpt2" : "llama";
        float[] scores = null;
        PreTokenizer pre = null;
        if (byteLevel) {
            pre = preTokenizer(preRegexes(root.get("pre_tokenizer")), file);
        } else {
            scores = new float[n];
            Arrays.fill(scores, Float.NaN);
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < n; i++) ids.put(tokens[i], i);
            for (int r = 0; r < merges.size(); r++) {
                String m = merges.get(r);
                int sp = m.indexOf(' ', 1);
                Integer id = sp < 0 ? null : ids.get(m.substring(0, sp) + m.substring(sp + 1));
                if (id != null && Float.isNaN(scores[id])) scores[id] = -r;
            }
            for (int i = 0; i < n; i++) {
                if (tokens[i].matches("<0x[0-9A-F]{2}>") && types[i] == TokenType.NORMAL) types[i] = TokenType.BYTE;
            }
            Object unk = model.get("unk_token");
            if (unk instanceof String u) for (int i = 0; i < n; i++) if (tokens[i].equals(u)) types[i] = TokenType.UNKNOWN;
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < n; i++) ids.putIfAbsent(tokens[i], i);
        int bos = tokenId(cfg.get("bos_token"), ids), eos = tokenId(cfg.get("eos_token"), ids), pad = tokenId(cfg.get("pad_token"), ids);
        int unk = tokenId(cfg.get("unk_token"), ids);
        boolean addBos = cfg.get("add_bos_token") instanceof Boolean b ? b : postProcessorAddsBos(root.get("post_processor"), bos, ids);
        if (bos < 0 && addBos) bos = postProcessorBos(root.get("post_processor"), ids);
        if (bos < 0 && addBos) {
            throw new IllegalArgumentException(cfgFile + ": add_bos_token asks for a BOS token, but bos_token " + Printable.of(Json.toJson(cfg.get("bos_token"), 60))
                    + " is not in the vocabulary of " + file + " (nor does its post_processor name one)");
        }
        boolean addEos = cfg.get("add_eos_token") instanceof Boolean b && b;
        Set<Integer> eog = new HashSet<>();
        if (eos >= 0) eog.add(eos);
        Object genEos = gen.get("eos_token_id");
        // Ids beyond the tokenizer stay: a model's embedding may be wider than its tokenizer, and
        // generation must still stop on them (eog is only ever asked "contains").
        String eosWhere = genFile + ": eos_token_id";
        if (genEos instanceof List<?> l) for (Object o : l) eog.add(JsonFields.integer(o, 0, MAX_ID, eosWhere));
        else if (genEos != null) eog.add(JsonFields.integer(genEos, 0, MAX_ID, eosWhere));
        int eot = -1;
        for (int i = 0; i < n; i++) {
            if (GgufVocabulary.EOG_TEXTS.contains(tokens[i])) {
                eog.add(i);
                if (eot < 0) eot = i;
            }
        }
        boolean nfc = mentions(root.get("normalizer"), "NFC");
        String template = null;
        if (cfg.get("chat_template") instanceof String t) template = t;
        else if (cfg.get("chat_template") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && "default".equals(m.get("name"))) template = JsonFields.string(m.get("template"), cfgFile + ": chat_template.template");
            }
        }
        Vocabulary v = new Vocabulary(kind, "tokenizer.json", tokens, scores, types, merges.toArray(String[]::new), bos, eos, unk, pad, eot, eog,
                addBos, addEos, !byteLevel, "");
        return new Result(v, pre, nfc, template);
    }

    /** The regexes of the pre-tokenizer, in order (Split, Digits, Punctuation, ByteLevel with use_regex). */
    private static List<String> preRegexes(Object pt) {
        List<String> out = new ArrayList<>();
        if (!(pt instanceof Map<?, ?> m)) return out;
        switch (String.valueOf(m.get("type"))) {
            case "Sequence" -> {
                if (m.get("pretokenizers") instanceof List<?> l) for (Object o : l) out.addAll(preRegexes(o));
            }
            case "Split" -> {
                if (!(m.get("pattern") instanceof Map<?, ?> p)) throw new IllegalArgumentException("tokenizer.json: Split without a pattern");
                String behavior = String.valueOf(m.get("behavior"));
                if (!behavior.equals("Isolated")) {
                    throw new IllegalArgumentException("tokenizer.json: Split behavior " + Printable.of(behavior) + " is not supported (supported: Isolated)");
                }
                if (p.get("Regex") instanceof String r) out.add(r.replace("(?i:'s|'t|'re|'ve|'m|'ll|'d)", "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])"));
                else out.add(Pattern.quote(JsonFields.string(p.get("String"), "tokenizer.json: pre_tokenizer Split pattern.String")));
            }
            case "ByteLevel" -> {
                if (!Boolean.FALSE.equals(m.get("use_regex"))) {
                    out.add("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");
                }
            }
            case "Digits" -> out.add(Boolean.TRUE.equals(m.get("individual_digits")) ? "\\p{N}" : "\\p{N}+");
            case "Punctuation" -> out.add("[\\p{P}\\$\\+<=>\\^~\\|`]+");
            default -> throw new IllegalArgumentException("tokenizer.json: pre-tokenizer " + Printable.of(String.valueOf(m.get("type"))) + " is not supported");
        }
        return out;
    }

    private static boolean postProcessorAddsBos(Object pp, int bos, Map<String, Integer> ids) {
        return postProcessorBos(pp, ids) >= 0;
    }

    /** The special token a TemplateProcessing post-processor puts before the sequence, or -1. */
    private static int postProcessorBos(Object pp, Map<String, Integer> ids) {
        if (!(pp instanceof Map<?, ?> m)) return -1;
        if ("Sequence".equals(m.get("type")) && m.get("processors") instanceof List<?> l) {
            for (Object o : l) {
                int b = postProcessorBos(o, ids);
                if (b >= 0) return b;
            }
            return -1;
        }
        if (!"TemplateProcessing".equals(m.get("type")) || !(m.get("single") instanceof List<?> single) || single.isEmpty()) return -1;
        if (single.get(0) instanceof Map<?, ?> first && first.get("SpecialToken") instanceof Map<?, ?> st && st.get("id") instanceof String s) {
            Integer id = ids.get(s);
            return id == null ? -1 : id;
        }
        return -1;
    }

    private static boolean mentions(Object node, String type) {
        if (node instanceof Map<?, ?> m) {
            if (type.equals(m.get("type"))) return true;
            for (Object v : m.values()) if (mentions(v, type)) return true;
        } else if (node instanceof List<?> l) {
            for (Object v : l) if (mentions(v, type)) return true;
        }
        return false;
    }

    private static int tokenId(Object spec, Map<String, Integer> ids) {
        String text = spec instanceof String s ? s : spec instanceof Map<?, ?> m && m.get("content") instanceof String c ? c : null;
        if (text == null) return -1;
        Integer id = ids.get(text);
        return id == null ? -1 : id;
    }

    /** The pre-tokenizer of the file's regexes; a regex Java cannot compile is a bad file. */
    private static PreTokenizer preTokenizer(List<String> regexes, String file) {
        try {
            return new RegexPreTokenizer("tokenizer.json", regexes);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(file + ": pre_tokenizer regex " + Printable.of(e.getPattern()) + " is invalid: "
                    + e.getDescription() + " at index " + e.getIndex(), e);
        }
    }

    private static Object json(byte[] utf8, String file) {
        try {
            return Json.parse(utf8);
        } catch (Json.ParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] optionalBytes(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
    }

    private static String quoted(String key) {
        return "\"" + Printable.of(key, 60) + "\"";
    }
}
