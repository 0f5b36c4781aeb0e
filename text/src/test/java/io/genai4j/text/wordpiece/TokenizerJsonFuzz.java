package io.genai4j.text.wordpiece;

import io.genai4j.text.fuzz.FuzzTally;
import io.genai4j.text.fuzz.JsonMutator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fuzz run behind {@link TokenizerJsonFuzzTest} (a main, for a child JVM with a small heap):
 * mutates a small BERT tokenizer.json with every part the reader knows (BertNormalizer,
 * BertPreTokenizer, TemplateProcessing, added tokens). An accepted mutant must also encode text
 * and text pairs and decode the ids.
 */
public final class TokenizerJsonFuzz {
    static final String BERT = """
            {"version":"1.0","truncation":null,"padding":null,
             "added_tokens":[{"id":0,"content":"[PAD]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
               {"id":1,"content":"[UNK]","special":true},{"id":2,"content":"[CLS]","special":true},{"id":3,"content":"[SEP]","special":true},
               {"id":4,"content":"[MASK]","special":true,"lstrip":true}],
             "normalizer":{"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"strip_accents":null,"lowercase":true},
             "pre_tokenizer":{"type":"BertPreTokenizer"},
             "post_processor":{"type":"TemplateProcessing",
               "single":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"[SEP]","type_id":0}}],
               "pair":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"[SEP]","type_id":0}},
                       {"Sequence":{"id":"B","type_id":1}},{"SpecialToken":{"id":"[SEP]","type_id":1}}],
               "special_tokens":{}},
             "decoder":{"type":"WordPiece","prefix":"##","cleanup":true},
             "model":{"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":100,
               "vocab":{"[PAD]":0,"[UNK]":1,"[CLS]":2,"[SEP]":3,"[MASK]":4,"the":5,"cat":6,"sat":7,"un":8,"##aff":9,"##able":10,".":11,"a":12}}}
            """;
    static final String[] TEXTS = {"The cat sat.", "unaffable [MASK] cat", "\u00c9t\u00e9 \u4e2d\u6587 \ud83d\ude00", ""};

    public static void main(String[] args) {
        int iterations = Integer.parseInt(args[0]);
        JsonMutator mutator = new JsonMutator(BERT.getBytes(StandardCharsets.UTF_8), Long.parseLong(args[1]));
        FuzzTally tally = FuzzTally.userErrors();
        for (int i = 0; i < iterations; i++) {
            JsonMutator.Mutant m = mutator.next();
            tally.attempt("iteration " + i + ": " + m.how(), () -> use(TokenizerJson.parse(m.bytes())));
        }
        System.out.println(tally.summary());
    }

    private static void use(WordPieceTokenizer t) {
        for (String text : TEXTS) {
            int[] ids = t.encode(text);
            t.decode(ids);
            t.encodePair(text, "a cat", 16);
            t.encode(text, 4);
            t.encodeBatch(List.of(text, "the cat sat"), 8);
        }
    }
}
