package io.genai4j.cli.rag;

import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.rag.answer.Answer;
import io.genai4j.rag.answer.AnswerJson;
import io.genai4j.rag.answer.RagPrompt;
import io.genai4j.cli.prompt.ChatModelOptions;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.ChunkSearcher;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.index.IndexInfo;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.retrieve.Mode;
import io.genai4j.rag.retrieve.Retriever;
import io.genai4j.rag.solr.SolrCollection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai rag ask QUESTION}: retrieve, answer with citations, show the cited chunks. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a question from the index: the best chunks are retrieved (hybrid BM25 + dense by default) and",
                "the answer cites them as [n]. Without a generator the answer is extractive: the sentences closest to the",
                "question, its words in **bold**. With --model (a local LLM) or --endpoint URL --model NAME (a remote one)",
                "a chat model writes the answer from the numbered sources. --prompt prints the prompt a generator is given.",
                "With --solr URL --collection NAME the chunks come from a SolrCloud collection made by `genai rag index --solr`."})
public final class RagAsk implements Callable<Integer> {
    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question (words are joined).")
    List<String> words;
    @Option(names = "--index", paramLabel = "DIR", defaultValue = RagCommand.DEFAULT_INDEX, description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;
    @Option(names = "-k", defaultValue = "5", description = "Chunks retrieved (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--mode", defaultValue = "hybrid", description = "bm25, dense or hybrid (default: ${DEFAULT-VALUE}).")
    String mode;
    @Option(names = "--mmr", paramLabel = "LAMBDA", description = "Diversify by maximal marginal relevance (1 = relevance only; 0.7 is a common choice).")
    Double mmr;
    @Option(names = "--filter", paramLabel = "FIELD=VALUE", description = "Only chunks with this metadata (source, type, title; a trailing * is a prefix). Repeatable.")
    List<String> filters = new ArrayList<>();
    @Option(names = "--prompt", description = "Also print the prompt (numbered sources) a generator would get.")
    boolean prompt;
    @Option(names = "--json", description = "Also print the answer and its sources as one JSON line.")
    boolean json;
    @Mixin
    AnswerOptions answering;
    @Mixin
    ThreadsOption threads;
    @Mixin
    SolrOptions solr;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) throw new IllegalArgumentException("the question is empty");
        Retriever.Query q = new Retriever.Query(Mode.parse(mode), k, Filter.parse(filters), mmr == null ? Double.NaN : mmr);
        if (solr.on()) {
            try (SolrClient client = solr.client()) {
                SolrCollection c = SolrCollection.open(client, solr.collection);
                ask(c.searcher(), Embedder.load(c.model()), question, q);
            }
        } else {
            try (RagSearcher searcher = RagSearcher.open(index)) {
                ask(searcher, embedder(index, null), question, q);
            }
        }
        return 0;
    }

    private void ask(ChunkSearcher searcher, Embedder embedder, String question, Retriever.Query q) throws Exception {
        try (ChatModelOptions.Opened generator = answering.openGenerator()) {
            Retriever retriever = new Retriever(searcher, embedder);
            List<Hit> hits = retriever.search(question, q);
            if (prompt) System.out.printf("--- prompt ---%nsystem: %s%nuser:%n%s--- end of prompt ---%n%n", RagPrompt.SYSTEM, RagPrompt.user(question, hits));
            Answer a = answering.answerer(retriever, embedder, generator).answer(question, hits, generator == null ? ChatListener.NONE : TO_STDERR);
            if (generator != null) System.err.println();
            System.out.println(a.text());
            System.out.println();
            for (int i = 0; i < hits.size(); i++) {
                Hit h = hits.get(i);
                String mark = a.citations().cited().contains(i + 1) ? "cited" : "     ";
                System.out.printf(Locale.ROOT, "[%d] %s %s  (score %.4f)%n    %s%n", i + 1, mark, Printable.of(RagPrompt.label(h.chunk()), 200),
                        h.score(), Printable.of(h.chunk().text().replaceAll("\\s+", " "), 300));
            }
            if (!a.citations().invalid().isEmpty()) System.err.println("warning: the answer cites sources that were not retrieved: " + a.citations().invalid());
            if (json) {
                Report r = new Report();
                AnswerJson.of(question, q.mode().name().toLowerCase(Locale.ROOT), embedder.name(), a).forEach(r::put);
                r.printJson(System.out);
            }
        }
    }

    /** A generated answer streams to stderr as it comes (stdout gets it whole, with its sources). */
    private static final ChatListener TO_STDERR = new ChatListener() {
        @Override
        public void onText(String text) {
            System.err.print(text);
            System.err.flush();
        }
    };

    /** The embedder of an index (its model must be used for queries), or the given model / minilm for a new one. */
    public static Embedder embedder(Path index, String model) throws IOException {
        IndexInfo info = IndexInfo.read(index);
        String spec = model != null ? model : info != null ? info.model() : "minilm";
        return Embedder.load(spec);
    }
}
