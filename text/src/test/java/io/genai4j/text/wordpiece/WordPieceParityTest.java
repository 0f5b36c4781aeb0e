package io.genai4j.text.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids identical to Hugging Face tokenizers (the Rust library, through DJL) reading the same
 * tokenizer.json, on SST-2 sentences and on seeded mixtures of accents, CJK, controls, emoji,
 * punctuation, long words and special tokens; sentence pairs with type ids and truncation too.
 */
class WordPieceParityTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"all-minilm-l6-v2-tokenizer.json", "bge-small-en-v1.5-tokenizer.json"})
    void idsMatchHuggingFaceTokenizers(String resource) throws Exception {
        Path json = tmp.resolve(resource);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, json, StandardCopyOption.REPLACE_EXISTING);
        }
        WordPieceTokenizer mine = WordPieceTokenizer.fromTokenizerJson(json);
        List<String> texts = new ArrayList<>(ParityStrings.sst2("test.tsv", 872));
        texts.addAll(ParityStrings.sst2("train.tsv", 2000));
        texts.addAll(ParityStrings.synthetic(1500, 7));
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        try (HuggingFaceTokenizer ref = HuggingFaceTokenizer.newInstance(json,
                Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true"))) {
            for (String t : texts) {
                long[] want = ref.encode(t).getIds();
                int[] got = mine.encode(t, Integer.MAX_VALUE).ids();
                if (!Arrays.equals(got, toInts(want))) {
                    if (mismatches++ < 10) report.append("\n  ").append(escape(t)).append("\n    hf   ").append(Arrays.toString(want))
                            .append("\n    ours ").append(Arrays.toString(got));
                }
            }
        }
        System.out.printf("%s: %d strings, %d mismatches%n", resource, texts.size(), mismatches);
        assertEquals(0, mismatches, mismatches + " of " + texts.size() + " strings differ:" + report);
        assertTrue(texts.size() > 4000);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 33, 512})
    void pairsWithTypeIdsAndLongestFirstTruncation(int maxLength) throws Exception {
        String resource = "all-minilm-l6-v2-tokenizer.json";
        Path json = tmp.resolve(resource);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, json, StandardCopyOption.REPLACE_EXISTING);
        }
        WordPieceTokenizer mine = WordPieceTokenizer.fromTokenizerJson(json);
        List<String> a = ParityStrings.sst2("test.tsv", 300), b = ParityStrings.synthetic(300, 11);
        try (HuggingFaceTokenizer ref = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
                "maxLength", Integer.toString(maxLength), "addSpecialTokens", "true"))) {
            for (int i = 0; i < a.size(); i++) {
                String x = a.get(i), y = b.get((i * 7) % b.size());
                var want = ref.encode(x, y);
                Encoding got = mine.encodePair(x, y, maxLength);
                assertEquals(Arrays.toString(want.getIds()), Arrays.toString(toLongs(got.ids())), "ids of pair " + i + ": " + escape(x) + " | " + escape(y));
                assertEquals(Arrays.toString(want.getTypeIds()), Arrays.toString(toLongs(got.typeIds())), "type ids of pair " + i);
                // single sequences with the same truncation
                assertEquals(Arrays.toString(ref.encode(y).getIds()), Arrays.toString(toLongs(mine.encode(y, maxLength).ids())), "single " + escape(y));
            }
        }
    }

    static int[] toInts(long[] v) {
        int[] o = new int[v.length];
        for (int i = 0; i < v.length; i++) o[i] = (int) v[i];
        return o;
    }

    static long[] toLongs(int[] v) {
        long[] o = new long[v.length];
        for (int i = 0; i < v.length; i++) o[i] = v[i];
        return o;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 32 || (cp >= 0x7f && cp < 0xa0) || Character.getType(cp) == Character.FORMAT) b.append(String.format("\\u%04x", cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }
}
