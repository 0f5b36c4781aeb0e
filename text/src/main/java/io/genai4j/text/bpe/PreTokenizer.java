package io.genai4j.text.bpe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Cuts text into pieces before BPE; merges never cross a piece boundary. */
public interface PreTokenizer {

    /** Hands each piece of text, in order, to the consumer; the pieces concatenate to the text. */
    void split(String text, Consumer<String> piece);

    default List<String> split(String text) {
        List<String> out = new ArrayList<>();
        split(text, out::add);
        return out;
    }
}
