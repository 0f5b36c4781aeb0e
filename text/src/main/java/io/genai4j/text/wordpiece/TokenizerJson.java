package io.genai4j.text.wordpiece;

import io.genai4j.engine.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the BERT-family subset of Hugging Face's tokenizer.json: a WordPiece model, a
 * BertNormalizer, a BertPreTokenizer, a TemplateProcessing or BertProcessing post-processor and
 * the added tokens. Anything else is refused with a message naming it, rather than tokenized
 * differently. The file's own "truncation" and "padding" settings are ignored on purpose: callers
 * choose them per call (some bundled files pad everything to 128).
 */
public final class TokenizerJson {
    private TokenizerJson() {}

    public static WordPieceTokenizer read(Path path) throws IOException {
        try {
            return parse(Files.readAllBytes(path));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static WordPieceTokenizer parse(byte[] utf8) {
        if (!(Json.parse(utf8) instanceof Map<?, ?> rootAny)) throw new IllegalArgumentException("tokenizer.json is not a JSON object");
        Map<String, Object> root = (Map<String, Object>) rootAny;
        Map<String, Object> model = object(root, "model");
        String type = string(model, "type", "WordPiece");
        if (!type.equals("WordPiece")) throw new IllegalArgumentException("tokenizer model is " + type + ", only WordPiece (BERT) is supported here");
        Map<String, Object> vocabJson = object(model, "vocab");
        Map<String, Integer> vocab = new HashMap<>(vocabJson.size() * 2);
        for (var e : vocabJson.entrySet()) vocab.put(e.getKey(), id(e.getValue(), e.getKey()));
        String unk = string(model, "unk_token", "[UNK]");
        String prefix = string(model, "continuing_subword_prefix", "##");
        int maxChars = (int) number(model, "max_input_chars_per_word", 100);
        WordPiece wp = new WordPiece(vocab, unk, prefix, maxChars);

        BertNormalizer normalizer = normalizer(root.get("normalizer"));
        Object pre = root.get("pre_tokenizer");
        if (pre != null && !"BertPreTokenizer".equals(((Map<String, Object>) pre).get("type"))) {
            throw new IllegalArgumentException("pre_tokenizer " + ((Map<String, Object>) pre).get("type") + " is not supported (expected BertPreTokenizer)");
        }

        List<AddedToken> added = new ArrayList<>();
        if (root.get("added_tokens") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> a = (Map<String, Object>) o;
                added.add(new AddedToken(id(a.get("id"), "added token"), string(a, "content", null), bool(a, "special", false),
                        bool(a, "normalized", false), bool(a, "lstrip", false), bool(a, "rstrip", false), bool(a, "single_word", false)));
            }
        }
        Map<String, Integer> all = new HashMap<>(vocab);
        for (AddedToken a : added) all.putIfAbsent(a.content(), a.id());
        Template template = template(root.get("post_processor"), all);
        int pad = all.getOrDefault("[PAD]", 0);
        return new WordPieceTokenizer(vocab, normalizer, wp, added, template, pad);
    }

    @SuppressWarnings("unchecked")
    private static BertNormalizer normalizer(Object o) {
        if (o == null) return new BertNormalizer(false, false, false, false);
        Map<String, Object> n = (Map<String, Object>) o;
        String type = string(n, "type", null);
        if (!"BertNormalizer".equals(type)) throw new IllegalArgumentException("normalizer " + type + " is not supported (expected BertNormalizer)");
        boolean lower = bool(n, "lowercase", true);
        Object strip = n.get("strip_accents");
        return new BertNormalizer(bool(n, "clean_text", true), bool(n, "handle_chinese_chars", true),
                strip == null ? lower : (Boolean) strip, lower);
    }

    @SuppressWarnings("unchecked")
    private static Template template(Object o, Map<String, Integer> ids) {
        Integer cls = ids.get("[CLS]"), sep = ids.get("[SEP]");
        if (o == null) {
            return new Template(List.of(new Template.Piece(Template.SEQ_A, 0)),
                    List.of(new Template.Piece(Template.SEQ_A, 0), new Template.Piece(Template.SEQ_B, 1)));
        }
        Map<String, Object> p = (Map<String, Object>) o;
        String type = string(p, "type", null);
        if ("BertProcessing".equals(type)) {
            List<Object> c = (List<Object>) p.get("cls"), s = (List<Object>) p.get("sep");
            return Template.bert(id(c.get(1), "cls"), id(s.get(1), "sep"));
        }
        if (!"TemplateProcessing".equals(type)) throw new IllegalArgumentException("post_processor " + type + " is not supported");
        if (cls == null || sep == null) throw new IllegalArgumentException("the vocabulary lacks [CLS] or [SEP]");
        return new Template(pieces((List<Object>) p.get("single"), ids), pieces((List<Object>) p.get("pair"), ids));
    }

    @SuppressWarnings("unchecked")
    private static List<Template.Piece> pieces(List<Object> list, Map<String, Integer> ids) {
        List<Template.Piece> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (m.get("SpecialToken") instanceof Map<?, ?> st) {
                String name = (String) st.get("id");
                Integer id = ids.get(name);
                if (id == null) throw new IllegalArgumentException("template token " + name + " is not in the vocabulary");
                out.add(new Template.Piece(id, (int) (long) (Long) st.get("type_id")));
            } else if (m.get("Sequence") instanceof Map<?, ?> sq) {
                out.add(new Template.Piece("B".equals(sq.get("id")) ? Template.SEQ_B : Template.SEQ_A, (int) (long) (Long) sq.get("type_id")));
            } else {
                throw new IllegalArgumentException("unknown template piece " + m.keySet());
            }
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Map<?, ?> o) return (Map<String, Object>) o;
        throw new IllegalArgumentException("tokenizer.json has no object \"" + key + "\"");
    }

    private static String string(Map<String, Object> m, String key, String dflt) {
        Object v = m.get(key);
        if (v == null) {
            if (dflt == null) throw new IllegalArgumentException("missing \"" + key + "\"");
            return dflt;
        }
        if (!(v instanceof String s)) throw new IllegalArgumentException("\"" + key + "\" is not a string");
        return s;
    }

    private static long number(Map<String, Object> m, String key, long dflt) {
        Object v = m.get(key);
        return v instanceof Long l ? l : dflt;
    }

    private static boolean bool(Map<String, Object> m, String key, boolean dflt) {
        Object v = m.get(key);
        return v instanceof Boolean b ? b : dflt;
    }

    private static int id(Object v, String what) {
        if (!(v instanceof Long l) || l < 0 || l > 50_000_000) throw new IllegalArgumentException("bad id " + v + " for " + what);
        return (int) (long) l;
    }
}
