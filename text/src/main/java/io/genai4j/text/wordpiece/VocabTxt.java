package io.genai4j.text.wordpiece;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the original BERT vocab.txt: one token per line, the line number is the id. */
final class VocabTxt {
    private VocabTxt() {}

    static final String[] SPECIALS = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

    static WordPieceTokenizer read(Path path, boolean lowercase) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Map<String, Integer> vocab = new HashMap<>(lines.size() * 2);
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (!t.isEmpty()) vocab.putIfAbsent(t, i);
        }
        List<AddedToken> added = new ArrayList<>();
        for (String s : SPECIALS) {
            Integer id = vocab.get(s);
            if (id == null) throw new IllegalArgumentException(path + ": vocabulary lacks " + s);
            added.add(AddedToken.special(id, s));
        }
        WordPiece wp = new WordPiece(vocab, "[UNK]", "##", 100);
        return new WordPieceTokenizer(vocab, lowercase ? BertNormalizer.uncased() : BertNormalizer.cased(), wp, added,
                Template.bert(vocab.get("[CLS]"), vocab.get("[SEP]")), vocab.get("[PAD]"));
    }
}
