package io.genai4j.course.ngram;

import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.WordTokenizer;
import io.genai4j.text.bpe.BpeTrainer;
import io.genai4j.text.bpe.ByteLevelBpe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tour step: the same line as characters, words and learned BPE pieces. */
public final class TokenizersStep extends TourStep {
    static final String LINE = "To be, or not to be, that is the question.";
    static final int BPE_VOCAB = 1000;

    public TokenizersStep() {
        super(100, "Text becomes numbers: tokenizers");
    }

    @Override
    public StepResult run(TourContext ctx) {
        var say = ctx.say();
        Corpus.Split split = ctx.corpus().split();
        say.say("A language model never sees letters, only integer ids. A tokenizer cuts text into pieces "
                + "and numbers them. Three ways to cut the same line, each with a vocabulary learned from the "
                + "training split (the first 90% of the text):");
        say.blank();
        CharTokenizer chars = CharTokenizer.fit(ctx.corpus().text());
        WordTokenizer words = WordTokenizer.fit(split.train());
        long t0 = System.nanoTime();
        ByteLevelBpe bpe = BpeTrainer.train(split.train(), BPE_VOCAB, List.of("<|endoftext|>"));
        double bpeSeconds = (System.nanoTime() - t0) / 1e9;

        TextTable pieces = new TextTable("tokenizer", "pieces of \"" + LINE + "\"").maxWidth(1, 76);
        pieces.row("characters", pieces(chars, LINE));
        pieces.row("words", pieces(words, LINE));
        pieces.row("BPE (" + BPE_VOCAB + ")", pieces(bpe, LINE));
        say.table(pieces);
        say.blank();

        long valChars = Corpus.characters(split.val());
        TextTable sizes = new TextTable("tokenizer", "vocabulary", "tokens in the line", "tokens in val", "chars/token").right(1, 2, 3, 4);
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Tokenizer t : List.of(chars, words, bpe)) {
            int val = t.encode(split.val()).length;
            sizes.row(t.kind(), String.format(Locale.ROOT, "%,d", t.vocabSize()), t.encode(LINE).length, String.format(Locale.ROOT, "%,d", val),
                    String.format(Locale.ROOT, "%.2f", (double) valChars / val));
            figures.put(t.kind() + "_vocab", t.vocabSize());
            figures.put(t.kind() + "_val_tokens", val);
        }
        say.table(sizes);
        say.blank();
        say.say(String.format(Locale.ROOT, "Characters need a tiny vocabulary but many steps; words need a big vocabulary, and any word "
                + "not seen in training becomes <unk>. Byte-level BPE (GPT-2's method) sits between: it starts from "
                + "the 256 bytes and merged the most frequent pair %d times (%.1f s here), so it can spell any text "
                + "and still uses few tokens. The n-gram lessons below use words and characters.", bpe.mergeCount(), bpeSeconds));
        return new StepResult(String.format(Locale.ROOT, "val = %,d chars / %,d words / %,d BPE tokens", valChars,
                (Integer) figures.get("word_val_tokens"), (Integer) figures.get("bpe_val_tokens")), figures);
    }

    private static String pieces(Tokenizer t, String line) {
        List<String> out = new ArrayList<>();
        for (int id : t.encode(line)) out.add(t.display(id));
        return String.join(" ", out);
    }
}
