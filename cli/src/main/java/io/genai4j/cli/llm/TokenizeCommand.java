package io.genai4j.cli.llm;

import io.genai4j.cli.Report;
import io.genai4j.llm.ModelStore;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.text.vocab.LlmTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai tokenize MODEL TEXT...}: token ids as llama.cpp's llama-tokenize gives them
 * (vocabulary-only GGUF files work too, BPE, SentencePiece and WordPiece): BOS added when the model
 * asks for it, and special-token texts parsed unless {@code --no-parse-special}, as there.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Token ids of each TEXT, one line per text, as llama-tokenize gives them: BOS/EOS (WordPiece: [CLS]/[SEP])"
                + " added when the model asks for them, special-token texts such as <|im_start|> turned into their ids."})
public final class TokenizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file (vocabulary-only is fine), a model directory, or OWNER/REPO in the cache.") String model;
    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "1..*", description = "Texts to tokenize.") List<String> texts;
    @Option(names = "--no-bos", description = "Do not add BOS/EOS ([CLS]/[SEP]).") boolean noBos;
    @Option(names = "--parse-special", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Turn the text of control tokens (<|im_start|>, [SEP]) into their ids (default, as llama-tokenize);"
                    + " --no-parse-special tokenizes it as plain text.") boolean parseSpecial;
    @Option(names = "--pieces", description = "Show each token's text next to its id.") boolean pieces;
    @Option(names = "--json", description = "Print {\"ids\": [[..], ..]} as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        LlmTokenizer tok = ModelLoader.tokenizer(ModelStore.resolve(model));
        List<int[]> all = new ArrayList<>();
        for (String t : texts) {
            int[] ids = tok.encode(t, !noBos, parseSpecial);
            all.add(ids);
            StringBuilder sb = new StringBuilder();
            for (int id : ids) {
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(id);
                if (pieces) sb.append(":'").append(tok.display(id)).append('\'');
            }
            System.out.println(sb);
        }
        if (json) new Report().put("ids", all).printJson(System.out);
        return 0;
    }
}
