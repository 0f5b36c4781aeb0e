package io.genai4j.text.vocab;

import io.genai4j.text.fuzz.FuzzTally;
import io.genai4j.text.fuzz.JsonMutator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The fuzz run behind {@link TokenizerJsonFuzzTest}, a main so it can run in a child JVM with a
 * small heap. Mutates two small but complete tokenizers (byte-level BPE with added tokens and a
 * Split regex; SentencePiece-style BPE with byte fallback) and their tokenizer_config.json and
 * generation_config.json. An accepted mutant must also tokenize and detokenize text.
 */
public final class TokenizerJsonFuzz {
    static final String BYTE_LEVEL = """
            {"version":"1.0","added_tokens":[{"id":6,"content":"<|endoftext|>","special":true},{"id":7,"content":"<|user|>","special":false}],
             "normalizer":{"type":"NFC"},
             "pre_tokenizer":{"type":"Sequence","pretokenizers":[
               {"type":"Split","pattern":{"Regex":"(?i:'s|'t|'re|'ve|'m|'ll|'d)|\\\\p{L}+|\\\\p{N}{1,3}| ?[^\\\\s\\\\p{L}\\\\p{N}]+|\\\\s+"},"behavior":"Isolated","invert":false},
               {"type":"Digits","individual_digits":true},
               {"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":false}]},
             "post_processor":{"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"<|endoftext|>","type_id":0}},{"Sequence":{"id":"A","type_id":0}}]},
             "decoder":{"type":"ByteLevel"},
             "model":{"type":"BPE","dropout":null,"unk_token":null,"byte_fallback":false,
               "vocab":{"h":0,"e":1,"l":2,"o":3,"he":4,"ll":5,"Ġ":8,"hell":9,"hello":10,"1":11},
               "merges":["h e","l l",["he","ll"],"hell o"]}}
            """;
    static final String SENTENCEPIECE = """
            {"added_tokens":[{"id":0,"content":"<unk>","special":true},{"id":1,"content":"<s>","special":true},{"id":2,"content":"</s>","special":true}],
             "normalizer":{"type":"Sequence","normalizers":[{"type":"Prepend","prepend":"▁"},{"type":"Replace","pattern":{"String":" "},"content":"▁"}]},
             "pre_tokenizer":null,
             "decoder":{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"Fuse"}]},
             "model":{"type":"BPE","unk_token":"<unk>","byte_fallback":true,
               "vocab":{"<unk>":0,"<s>":1,"</s>":2,"<0x41>":3,"<0x0A>":4,"▁":5,"a":6,"b":7,"▁a":8,"ab":9,"▁ab":10},
               "merges":["▁ a","a b",["▁a","b"]]}}
            """;
    static final String CONFIG = """
            {"bos_token":"<s>","eos_token":{"content":"</s>"},"add_bos_token":true,"add_eos_token":false,
             "chat_template":[{"name":"default","template":"{{ messages }}"}]}
            """;
    static final String GENERATION = """
            {"eos_token_id":[2,1],"bos_token_id":1}
            """;
    static final String[] TEXTS = {"hello world", "Hello 123 hell<|endoftext|>", "ab a\nb", "\u00e9\u4e2d\ud83d\ude00", ""};

    public static void main(String[] args) {
        int iterations = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        FuzzTally tally = FuzzTally.userErrors();
        byte[][] seeds = {bytes(BYTE_LEVEL), bytes(SENTENCEPIECE)};
        JsonMutator[] tokenizers = {new JsonMutator(seeds[0], seed), new JsonMutator(seeds[1], seed + 1)};
        JsonMutator config = new JsonMutator(bytes(CONFIG), seed + 2), generation = new JsonMutator(bytes(GENERATION), seed + 3);
        for (int i = 0; i < iterations; i++) {
            int which = i % 2;
            byte[] tok = seeds[which], cfg = bytes(CONFIG), gen = bytes(GENERATION);
            String how;
            switch (i % 10) {
                case 8 -> {
                    var m = config.next();
                    cfg = m.bytes();
                    how = "tokenizer_config.json " + m.how();
                }
                case 9 -> {
                    var m = generation.next();
                    gen = m.bytes();
                    how = "generation_config.json " + m.how();
                }
                default -> {
                    var m = tokenizers[which].next();
                    tok = m.bytes();
                    how = "tokenizer.json #" + which + " " + m.how();
                }
            }
            byte[] t = tok, c = cfg, g = gen;
            tally.attempt("iteration " + i + ": " + how, () -> use(TokenizerJson.parse(t, c, g, Path.of("fuzz"))));
        }
        System.out.println(tally.summary());
    }

    /** What a caller does with a tokenizer: encode, with and without specials, and decode back. */
    private static void use(TokenizerJson.Result r) {
        LlmTokenizer tok = r.tokenizer();
        for (String text : TEXTS) {
            int[] ids = tok.encode(text, true, true);
            tok.decode(ids);
            for (int id : ids) tok.display(id);
            tok.encode(text, false, false);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
