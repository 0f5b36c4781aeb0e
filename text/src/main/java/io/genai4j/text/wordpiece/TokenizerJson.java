package io.genai4j.text.wordpiece;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import io.genai4j.text.JsonFields;
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
    /** Largest token id accepted. */
    static final int MAX_ID = 50_000_000;
    /** Ids a file may skip beyond as many as it defines (see {@link #checkIdRange}). */
    static final int MAX_EXTRA_HOLES = 1024;
    /** Largest segment id in a template (type_vocab_size is 2 for BERT, 16 at most in practice). */
    static final int MAX_TYPE_ID = 255;

    private TokenizerJson() {}

    public static WordPieceTokenizer read(Path path) throws IOException {
        try {
            return parse(Files.readAllBytes(path));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    public static WordPieceTokenizer parse(byte[] utf8) {
        if (!(Json.parse(utf8) instanceof Map<?, ?> rootAny)) throw new IllegalArgumentException("tokenizer.json is not a JSON object");
        Map<String, Object> root = JsonFields.object(rootAny, "tokenizer.json");
        Map<String, Object> model = object(root, "model");
        String type = string(model, "type", "WordPiece");
        if (!type.equals("WordPiece")) throw new IllegalArgumentException("tokenizer model is " + Printable.of(type) + ", only WordPiece (BERT) is supported here");
        Map<String, Object> vocabJson = object(model, "vocab");
        Map<String, Integer> vocab = new HashMap<>(vocabJson.size() * 2);
        for (var e : vocabJson.entrySet()) vocab.put(e.getKey(), id(e.getValue(), "model.vocab[\"" + Printable.of(e.getKey(), 60) + "\"]"));
        String unk = string(model, "unk_token", "[UNK]");
        String prefix = string(model, "continuing_subword_prefix", "##");
        Object maxCharsJson = model.get("max_input_chars_per_word");
        int maxChars = maxCharsJson == null ? 100 : JsonFields.integer(maxCharsJson, 0, Integer.MAX_VALUE, "model.max_input_chars_per_word");
        WordPiece wp = new WordPiece(vocab, unk, prefix, maxChars);

        BertNormalizer normalizer = normalizer(root.get("normalizer"));
        Object pre = root.get("pre_tokenizer");
        if (pre != null) {
            Object preType = JsonFields.object(pre, "pre_tokenizer").get("type");
            if (!"BertPreTokenizer".equals(preType)) {
                throw new IllegalArgumentException("pre_tokenizer " + Printable.of(String.valueOf(preType)) + " is not supported (expected BertPreTokenizer)");
            }
        }

        List<AddedToken> added = new ArrayList<>();
        List<Object> list = JsonFields.optionalList(root.get("added_tokens"), "added_tokens");
        for (int i = 0; i < list.size(); i++) {
            String where = "added_tokens[" + i + "]";
            Map<String, Object> a = JsonFields.object(list.get(i), where);
            String content = string(a, "content", null);
            if (content.isEmpty()) throw new IllegalArgumentException(where + ".content is empty (an added token must match some text)");
            added.add(new AddedToken(id(a.get("id"), where + ".id"), content, flag(a, "special", where), flag(a, "normalized", where),
                    flag(a, "lstrip", where), flag(a, "rstrip", where), flag(a, "single_word", where)));
        }
        checkIdRange(vocab, added);
        Map<String, Integer> all = new HashMap<>(vocab);
        for (AddedToken a : added) all.putIfAbsent(a.content(), a.id());
        Template template = template(root.get("post_processor"), all);
        int pad = all.getOrDefault("[PAD]", 0);
        return new WordPieceTokenizer(vocab, normalizer, wp, added, template, pad);
    }

    /**
     * The tokenizer's arrays are sized by the largest id, so ids may skip at most as many slots as
     * the file defines tokens (plus a little): a lone id 40,000,000 in a small file is refused
     * instead of allocating hundreds of megabytes.
     */
    private static void checkIdRange(Map<String, Integer> vocab, List<AddedToken> added) {
        long max = -1;
        for (int id : vocab.values()) max = Math.max(max, id);
        for (AddedToken a : added) max = Math.max(max, a.id());
        long defined = vocab.size() + (long) added.size();
        if (max + 1 > 2 * defined + MAX_EXTRA_HOLES) {
            throw new IllegalArgumentException("token id " + max + " is far beyond the " + defined + " tokens the file defines");
        }
    }

    private static BertNormalizer normalizer(Object o) {
        if (o == null) return new BertNormalizer(false, false, false, false);
        Map<String, Object> n = JsonFields.object(o, "normalizer");
        String type = string(n, "type", null);
        if (!"BertNormalizer".equals(type)) throw new IllegalArgumentException("normalizer " + Printable.of(type) + " is not supported (expected BertNormalizer)");
        boolean lower = JsonFields.bool(n.get("lowercase"), true, "normalizer.lowercase");
        return new BertNormalizer(JsonFields.bool(n.get("clean_text"), true, "normalizer.clean_text"),
                JsonFields.bool(n.get("handle_chinese_chars"), true, "normalizer.handle_chinese_chars"),
                JsonFields.bool(n.get("strip_accents"), lower, "normalizer.strip_accents"), lower);
    }

    private static Template template(Object o, Map<String, Integer> ids) {
        Integer cls = ids.get("[CLS]"), sep = ids.get("[SEP]");
        if (o == null) {
            return new Template(List.of(new Template.Piece(Template.SEQ_A, 0)),
                    List.of(new Template.Piece(Template.SEQ_A, 0), new Template.Piece(Template.SEQ_B, 1)));
        }
        Map<String, Object> p = JsonFields.object(o, "post_processor");
        String type = string(p, "type", null);
        if ("BertProcessing".equals(type)) {
            return Template.bert(specialId(p.get("cls"), "post_processor.cls", ids), specialId(p.get("sep"), "post_processor.sep", ids));
        }
        if (!"TemplateProcessing".equals(type)) throw new IllegalArgumentException("post_processor " + Printable.of(type) + " is not supported");
        if (cls == null || sep == null) throw new IllegalArgumentException("the vocabulary lacks [CLS] or [SEP]");
        return new Template(pieces(p.get("single"), "post_processor.single", ids), pieces(p.get("pair"), "post_processor.pair", ids));
    }

    /** BertProcessing's ["[CLS]", 101]: the id, which must be a token of the vocabulary. */
    private static int specialId(Object pair, String where, Map<String, Integer> ids) {
        List<Object> l = JsonFields.list(pair, where);
        if (l.size() != 2) throw new IllegalArgumentException(where + " must be [token, id], found " + Printable.of(Json.toJson(l, 80)));
        int id = id(l.get(1), where + "[1]");
        if (!ids.containsValue(id)) throw new IllegalArgumentException(where + ": id " + id + " is not in the vocabulary");
        return id;
    }

    private static List<Template.Piece> pieces(Object listJson, String where, Map<String, Integer> ids) {
        List<Object> list = JsonFields.list(listJson, where);
        List<Template.Piece> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> m = JsonFields.object(list.get(i), at);
            if (m.get("SpecialToken") instanceof Map<?, ?> st) {
                String name = JsonFields.string(st.get("id"), at + ".SpecialToken.id");
                Integer id = ids.get(name);
                if (id == null) throw new IllegalArgumentException("template token " + Printable.of(name) + " is not in the vocabulary");
                out.add(new Template.Piece(id, typeId(st.get("type_id"), at + ".SpecialToken.type_id")));
            } else if (m.get("Sequence") instanceof Map<?, ?> sq) {
                out.add(new Template.Piece("B".equals(sq.get("id")) ? Template.SEQ_B : Template.SEQ_A, typeId(sq.get("type_id"), at + ".Sequence.type_id")));
            } else {
                throw new IllegalArgumentException("unknown template piece " + Printable.of(m.keySet().toString()));
            }
        }
        return List.copyOf(out);
    }

    /** A segment (token type) id: BERT has 2, some models a few more. */
    private static int typeId(Object v, String where) {
        return JsonFields.integer(v, 0, MAX_TYPE_ID, where);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Map<?, ?> o) return (Map<String, Object>) o;
        throw new IllegalArgumentException("tokenizer.json has no object \"" + key + "\"");
    }

    private static String string(Map<String, Object> m, String key, String dflt) {
        Object v = m.get(key);
        if (v == null && dflt == null) throw new IllegalArgumentException("missing \"" + key + "\"");
        return JsonFields.string(v, dflt, "\"" + key + "\"");
    }

    private static boolean flag(Map<String, Object> m, String key, String where) {
        return JsonFields.bool(m.get(key), false, where + "." + key);
    }

    private static int id(Object v, String what) {
        if (!(v instanceof Long l) || l < 0 || l > MAX_ID) throw new IllegalArgumentException("bad id " + Printable.of(Json.toJson(v, 40)) + " for " + what);
        return (int) (long) l;
    }
}
