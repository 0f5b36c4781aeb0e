package io.genai4j.text.wordpiece;

import io.genai4j.text.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test strings for tokenizer parity: real SST-2 sentences plus seeded mixtures of hard cases. */
final class ParityStrings {
    private ParityStrings() {}

    /** Pieces that exercise each rule of BERT tokenization. */
    static final String[] PIECES = {
            // accents, ligatures, case mappings (strip accents + lower-case)
            "café", "naïve", "Ångström", "résumé", "Zürich", "façade", "São Paulo", "Dvořák", "İstanbul", "ΣΊΣΥΦΟΣ",
            "straße", "ﬁne", "e\u0301te\u0301", "Ĳssel", "ÆØÅ", "Œuvre", "ǅemal", "Ｆｕｌｌｗｉｄｔｈ",
            // CJK (each ideograph a word), kana and hangul (not ideographs)
            "我爱自然语言处理", "東京タワー", "한국어 텍스트", "日本語のテキスト", "𠀀𠀁", "中文English混合", "漢字ｶﾅ",
            // scripts without spaces or with marks
            "مرحبا بالعالم", "שָׁלוֹם", "नमस्ते दुनिया", "สวัสดีครับ", "Привет, мир!", "Γειά σου Κόσμε",
            // punctuation, symbols, clitics
            "Hello, world!", "don't", "U.S.A.", "$100.50", "50%", "a+b=c", "<html>", "email@example.com", "«quoted»",
            "“curly”", "—dash–", "…", "¿Qué?", "¡Hola!", "C++", "#hashtag", "@user", "~tilde^caret|pipe`tick", "(x)[y]{z}",
            "∑x² ≤ ½", "①②③", "°C", "©®™", "€£¥", "http://example.com/a?b=c&d=e",
            // whitespace and control characters (cleaned or turned into spaces)
            "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u3000", "\u200B", "\u00AD", "\u0000", "\u0007", "\u001F", "\u0085",
            "\uFFFD", "\u000B", "\u000C", "\u2028", "\u202F", "\uE000",
            // emoji (symbols, unknown to the vocabulary) and flags
            "😀", "👍🏽", "🇫🇷", "❤️",
            // long words, numbers, WordPiece splits
            "supercalifragilisticexpialidocious", "pneumonoultramicroscopicsilicovolcanoconiosis", "antidisestablishmentarianism",
            "unaffable", "1234567890123", "3.14159", "2024-01-15", "x".repeat(101), "ab".repeat(60), "tokenization",
            // special tokens inside the text (matched as a whole in the raw text)
            "[CLS]", "[SEP]", "[MASK]", "[UNK]", "[PAD]", "[mask]", "[SEP][SEP]", "a[MASK]b",
    };

    static List<String> synthetic(int count, long seed) {
        Random r = new Random(seed);
        String[] seps = {" ", " ", " ", "", ", ", ". ", "\t", "  ", "-", "'"};
        List<String> out = new ArrayList<>();
        for (String p : PIECES) out.add(p);
        while (out.size() < count) {
            int n = 1 + r.nextInt(8);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) b.append(seps[r.nextInt(seps.length)]);
                String p = PIECES[r.nextInt(PIECES.length)];
                b.append(r.nextInt(4) == 0 ? p.toUpperCase(java.util.Locale.ROOT) : p);
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Sentences of an SST-2 file (skips the test when the shared data is absent). */
    static List<String> sst2(String file, int limit) throws IOException {
        Path p = SharedData.require("sentiment/sst2/" + file);
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size() && out.size() < limit; i++) {
            int tab = lines.get(i).lastIndexOf('\t');
            if (tab > 0) out.add(lines.get(i).substring(0, tab));
        }
        return out;
    }
}
