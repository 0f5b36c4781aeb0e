package io.genai4j.rag.solr;

import io.genai4j.rag.load.Block;
import io.genai4j.rag.load.Document;
import java.util.List;

/**
 * A tiny corpus in the repository, so the comparison runs without the shared data too: pages on a few
 * topics, some with several sections, with shared words (so BM25 has to weigh them) and two near
 * duplicates (so MMR has something to push down; not exact ones, whose tied ranks would make RRF's
 * fused scores depend on how each index breaks the tie). The animal pages are what {@link Plan#FILTER} keeps.
 */
final class Fixture {
    private Fixture() {}

    static final List<Document> DOCUMENTS = List.of(
            doc("animals/cats.md", "Cats", "Care", "Cats sleep for most of the day and groom their fur with rough tongues. "
                    + "A cat purrs when it is content and sometimes when it is hurt.", "Food", "Cats are obligate carnivores: their food must contain meat and taurine."),
            doc("animals/dogs.md", "Dogs", "Care", "Dogs need daily walks. A dog that barks at the postman is guarding its home, "
                    + "not being rude.", "Training", "Reward a dog the moment it obeys; late rewards teach nothing."),
            doc("animals/dogs-copy.md", "Dogs", "Care", "Dogs need a daily walk. A dog that barks at a postman guards its home; "
                    + "it is not being rude."),
            doc("animals/birds.txt", "Birds", "", "Many birds migrate south in autumn, navigating by the sun, the stars and the Earth's magnetic field."),
            doc("space/mars.md", "Mars", "Surface", "Mars is red because its dust is rich in iron oxide. Olympus Mons on Mars is the tallest "
                    + "volcano in the solar system.", "Moons", "Mars has two small moons, Phobos and Deimos."),
            doc("space/moon.txt", "The Moon", "", "The Moon keeps the same face towards the Earth because its rotation is tidally locked. "
                    + "Its dust, the regolith, is sharp and clings to space suits."),
            doc("food/bread.md", "Bread", "Baking", "Bread rises because yeast ferments sugar into carbon dioxide. "
                    + "Sourdough uses wild yeast and lactic bacteria.", "Storage", "Keep bread in a cloth bag, not the fridge, or it goes stale faster."),
            doc("food/cheese.html", "Cheese", "", "Cheese is milk curdled with rennet, pressed and aged; holes in Swiss cheese come from "
                    + "bacteria that release carbon dioxide."),
            doc("music/piano.md", "Piano", "", "A piano sounds when felt hammers strike steel strings; the pedals sustain or soften the notes."),
            doc("music/drums.md", "Drums", "", "Drums keep the rhythm of a band. A drummer strikes the skins with sticks or brushes."));

    static final List<String> QUESTIONS = List.of(
            "Why does a dog bark at the postman?",
            "What do cats need to eat?",
            "How do birds find their way when they migrate?",
            "Why is Mars red?",
            "What makes bread rise?",
            "Where do the holes in Swiss cheese come from?",
            "What is the tallest volcano?",
            "How does a piano make sound?");

    private static Document doc(String source, String title, String... headingAndText) {
        Block[] blocks = new Block[headingAndText.length / 2];
        for (int i = 0; i < blocks.length; i++) blocks[i] = new Block(headingAndText[2 * i], headingAndText[2 * i + 1]);
        return new Document(source, title, List.of(blocks));
    }
}
