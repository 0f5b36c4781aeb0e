package io.genai4j.rag.split;

import io.genai4j.rag.load.Block;
import io.genai4j.rag.load.Document;
import io.genai4j.text.wordpiece.WordPieceTokenizer;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Cuts documents into chunks of at most {@code maxTokens} tokens of the embedding model's
 * tokenizer, title and heading included (see {@link Chunk#indexedText}). Structure is respected
 * before size: a chunk never spans two sections; whole paragraphs are packed while they fit; a
 * paragraph too long for a chunk is cut at sentences (java.text.BreakIterator); a sentence too long
 * at words. When a section continues in a new chunk, that chunk starts with the previous chunk's
 * last sentences, up to {@code overlapTokens}, so an answer that straddles the cut is whole in one.
 */
public final class Splitter {
    private final ToIntFunction<String> tokens;
    private final int maxTokens;
    private final int overlapTokens;

    /** @param tokens counts a text's tokens (word pieces, without [CLS]/[SEP]) */
    public Splitter(ToIntFunction<String> tokens, int maxTokens, int overlapTokens) {
        if (maxTokens < 16) throw new IllegalArgumentException("chunk size must be at least 16 tokens, got " + maxTokens);
        if (overlapTokens < 0 || overlapTokens >= maxTokens / 2) {
            throw new IllegalArgumentException("overlap must be in 0.." + (maxTokens / 2 - 1) + " tokens, got " + overlapTokens);
        }
        this.tokens = tokens;
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
    }

    /** Counting in the word pieces of the model that will embed the chunks. */
    public static Splitter of(WordPieceTokenizer tokenizer, int maxTokens, int overlapTokens) {
        return new Splitter(t -> tokenizer.tokenize(t).length, maxTokens, overlapTokens);
    }

    public int maxTokens() {
        return maxTokens;
    }

    public List<Chunk> split(Document doc) {
        List<Chunk> out = new ArrayList<>();
        List<Block> blocks = doc.blocks();
        int i = 0;
        while (i < blocks.size()) {   // one section (a run of blocks under the same heading) at a time
            String sectionHeading = blocks.get(i).heading(), heading = sectionHeading;
            int budget = maxTokens - tokens.applyAsInt(Chunk.header(doc.title(), heading));
            if (budget < maxTokens / 2) {   // a heading that eats the chunk: keep the title only
                heading = "";
                budget = maxTokens - tokens.applyAsInt(Chunk.header(doc.title(), ""));
            }
            if (budget < maxTokens / 2) {
                throw new IllegalArgumentException(doc.source() + ": the title takes over half the chunk size of " + maxTokens + " tokens");
            }
            Section s = new Section(budget);
            for (; i < blocks.size() && blocks.get(i).heading().equals(sectionHeading); i++) s.add(blocks.get(i).text());
            for (String text : s.finish()) out.add(new Chunk(doc.source(), doc.title(), heading, out.size(), text));
        }
        return out;
    }

    /** Packs one section's paragraphs into chunk texts of at most budget tokens. */
    private final class Section {
        private final int budget;
        private final List<String> chunks = new ArrayList<>();
        /** The current chunk's pieces: paragraphs or sentences, each knowing whether it starts a paragraph. */
        private final List<Piece> current = new ArrayList<>();
        private int used;
        /** Tokens at the start of the current chunk carried over from the previous one. */
        private int carried;

        Section(int budget) {
            this.budget = budget;
        }

        void add(String paragraph) {
            int n = tokens.applyAsInt(paragraph);
            if (n <= budget) {
                push(new Piece(paragraph, n, true));
                return;
            }
            boolean first = true;
            for (String sentence : sentences(paragraph)) {
                int m = tokens.applyAsInt(sentence);
                if (m <= budget) {
                    push(new Piece(sentence, m, first));
                } else {
                    for (String words : wordRuns(sentence, budget)) push(new Piece(words, tokens.applyAsInt(words), first));
                }
                first = false;
            }
        }

        private void push(Piece p) {
            if (used + p.tokens > budget) flush();
            if (used + p.tokens > budget) {   // the overlap and the piece do not fit together: drop the overlap
                current.clear();
                used = carried = 0;
            }
            current.add(p);
            used += p.tokens;
        }

        /** Emits the current chunk and starts the next with its last sentences (the overlap). */
        private void flush() {
            if (current.size() == 0 || used == carried) return;
            chunks.add(text(current));
            int t = 0, k = current.size();
            while (k > 1 && t + current.get(k - 1).tokens <= overlapTokens) t += current.get(--k).tokens;   // never the whole chunk again
            List<Piece> tail = new ArrayList<>(current.subList(k, current.size()));
            current.clear();
            current.addAll(tail);
            used = carried = t;
        }

        List<String> finish() {
            if (used > carried) chunks.add(text(current));
            return chunks;
        }

        private static String text(List<Piece> pieces) {
            StringBuilder b = new StringBuilder();
            for (Piece p : pieces) {
                if (!b.isEmpty()) b.append(p.paragraphStart ? "\n\n" : " ");
                b.append(p.text);
            }
            return b.toString();
        }
    }

    private record Piece(String text, int tokens, boolean paragraphStart) {}

    /** The sentences of a paragraph, by java.text.BreakIterator's rules. */
    public static List<String> sentences(String paragraph) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(paragraph);
        List<String> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = paragraph.substring(start, end).strip();
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    /** A sentence longer than a chunk, cut into runs of whole words of at most the budget (a word is never cut). */
    private List<String> wordRuns(String sentence, int budget) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int used = 0;
        for (String w : sentence.split("\\s+")) {
            int n = tokens.applyAsInt(w);
            if (used + n > budget && !run.isEmpty()) {
                out.add(run.toString());
                run.setLength(0);
                used = 0;
            }
            if (!run.isEmpty()) run.append(' ');
            run.append(w);
            used += n;
        }
        if (!run.isEmpty()) out.add(run.toString());
        return out;
    }
}
