package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.io.gguf.GgufWriter;
import io.genai4j.text.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai tokenize follows llama-tokenize: WordPiece GGUFs work, special tokens are parsed unless --no-parse-special. */
class TokenizeCliTest {

    /** A WordPiece vocabulary as convert_hf_to_gguf writes one (▁ starts a word, [CLS] ... [SEP]). */
    private static Path bertVocab(Path dir) throws Exception {
        Path p = dir.resolve("bert-vocab.gguf");
        new GgufWriter().putString("general.architecture", "bert")
                .putString("tokenizer.ggml.model", "bert")
                .putStrings("tokenizer.ggml.tokens", new String[] {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "\u2581hello", "\u2581[", "\u2581sep", "\u2581]"})
                .putI32s("tokenizer.ggml.token_type", new int[] {3, 3, 3, 3, 1, 1, 1, 1})
                .putU32("tokenizer.ggml.bos_token_id", 2)
                .putU32("tokenizer.ggml.seperator_token_id", 3)
                .putU32("tokenizer.ggml.unknown_token_id", 1)
                .write(p);
        return p;
    }

    @Test
    void wordPieceGgufParsesSpecialTokensByDefault(@TempDir Path dir) throws Exception {
        String g = bertVocab(dir).toString();
        CliRun r = CliRun.of("tokenize", g, "Hello [SEP]", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("[[2,4,3,3]]", r.json().get("ids").toString());
        CliRun plain = CliRun.of("tokenize", g, "Hello [SEP]", "--no-parse-special", "--no-bos", "--json");
        assertEquals(0, plain.code(), plain.err());
        assertEquals("[[4,5,6,7]]", plain.json().get("ids").toString());
        CliRun explicit = CliRun.of("tokenize", g, "Hello [SEP]", "--parse-special", "--no-bos", "--json");
        assertEquals("[[4,3]]", explicit.json().get("ids").toString());
    }

    @Test
    void llamaThreeControlTokensAreParsedLikeLlamaTokenize() throws Exception {
        Path g = SharedData.require("tokenizers/llamacpp/ggml-vocab-llama-bpe.gguf");
        // llama-tokenize -m ggml-vocab-llama-bpe.gguf -p '<|start_header_id|>user' gives 128000 128006 882
        CliRun r = CliRun.of("tokenize", g.toString(), "<|start_header_id|>user", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("[[128000,128006,882]]", r.json().get("ids").toString());
    }
}
