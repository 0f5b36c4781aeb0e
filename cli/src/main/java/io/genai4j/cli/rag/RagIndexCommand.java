package io.genai4j.cli.rag;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.Progress;
import io.genai4j.engine.util.Rounding;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.ChunkStore;
import io.genai4j.rag.index.RagIndex;
import io.genai4j.rag.ingest.IndexListener;
import io.genai4j.rag.ingest.IndexStats;
import io.genai4j.rag.ingest.Indexer;
import io.genai4j.rag.load.FolderLoader;
import io.genai4j.rag.load.LoadListener;
import io.genai4j.rag.solr.SolrCollection;
import io.genai4j.rag.split.Splitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai rag index FOLDER}: brings the index up to date with a folder. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Index a folder (or one file) recursively: .txt, .md, .html, .pdf are split by the encoder's tokens,",
                "embedded and written to one Lucene index. Unchanged files are skipped by content digest; files gone",
                "from the folder are deleted from the index. A commit after each batch: an interrupted run resumes.",
                "With --solr URL the index is a SolrCloud collection (created with --shards on first use)."})
public final class RagIndexCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "The corpus: a folder (read recursively) or a file.")
    Path folder;
    @Option(names = "--index", paramLabel = "DIR", defaultValue = RagCommand.DEFAULT_INDEX, description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;
    @Option(names = "--model", paramLabel = "minilm|bge-small|PATH",
            description = "Embedding model (default: the index's, or minilm for a new index).")
    String model;
    @Mixin
    ChunkOptions chunks;
    @Option(names = "--max-file-mb", defaultValue = "32", description = "Skip files larger than this (default: ${DEFAULT-VALUE} MB).")
    long maxFileMb;
    @Option(names = "--keep-missing", description = "Keep documents whose files are gone from the folder (default: delete them).")
    boolean keepMissing;
    @Option(names = "--batch", defaultValue = "256", description = "Chunks per embedded and committed batch (default: ${DEFAULT-VALUE}).")
    int batch;
    @Mixin
    JsonOption json;
    @Mixin
    ThreadsOption threads;
    @Mixin
    SolrOptions solr;
    @Option(names = "--shards", defaultValue = "2", description = "Shards of a new --solr collection (default: ${DEFAULT-VALUE}).")
    int shards;
    @Option(names = "--replicas", defaultValue = "1", description = "Replicas of each shard of a new --solr collection (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        if (maxFileMb < 1) throw new IllegalArgumentException("--max-file-mb must be at least 1, got " + maxFileMb);
        if (!solr.on()) {
            Embedder embedder = RagAsk.embedder(index, model);
            try (RagIndex idx = RagIndex.open(index, embedder.name(), embedder.dimension())) {
                index(idx, embedder, index.toString());
            }
            return 0;
        }
        try (SolrClient client = solr.client()) {
            SolrCollection c;
            if (SolrCollection.exists(client, solr.collection)) {
                c = SolrCollection.open(client, solr.collection);
                if (model != null && !model.equals(c.model())) {
                    throw new IllegalArgumentException("collection " + Printable.of(solr.collection) + " holds vectors of " + Printable.of(c.model())
                            + ", not " + Printable.of(model) + ": use that model or another collection");
                }
            } else {
                Embedder e = Embedder.load(model == null ? "minilm" : model);
                c = SolrCollection.create(client, solr.collection, e.name(), e.dimension(), shards, replicas);
            }
            index(c.writer(batch), Embedder.load(c.model()), solr.describe());
        }
        return 0;
    }

    private void index(ChunkStore store, Embedder embedder, String where) throws IOException {
        Splitter splitter = chunks.splitter(embedder);
        int[] skipped = {0};
        LoadListener loads = new LoadListener() {
            @Override
            public void skipped(Path file, String reason) {
                skipped[0]++;
                System.err.println("skipped " + Printable.of(file.toString()) + ": " + Printable.of(reason, 300));
            }
        };
        IndexStats stats;
        try (Progress bar = new Progress("index", -1).rate("chunks", 1)) {
            IndexListener events = new IndexListener() {
                @Override
                public void committed(int documents, int chunks, int chunksSoFar) {
                    bar.update(chunksSoFar, "committed");
                }
            };
            Indexer indexer = new Indexer(store, embedder, splitter, events, batch);
            new FolderLoader(maxFileMb << 20, FolderLoader.DEFAULT_MAX_TOTAL_BYTES, loads).forEach(folder, indexer::add);
            stats = indexer.finish(!keepMissing);
        }
        long bytes = store instanceof RagIndex local ? local.sizeBytes() : -1;   // a collection's size is the cluster's business
        System.out.printf(Locale.ROOT, "%s: %d added, %d updated, %d unchanged, %d deleted, %d skipped; %d chunks embedded with %s"
                        + " (%.1f chunks/s)%s%n", where, stats.added(), stats.updated(), stats.unchanged(), stats.deleted(),
                skipped[0], stats.chunks(), embedder.name(), stats.chunksPerSecond(), bytes < 0 ? "" : String.format(Locale.ROOT, "; index %.1f MB", bytes / 1e6));
        if (json.on()) {
            Report r = new Report().put("index", where).put("model", embedder.name()).put("added", stats.added())
                    .put("updated", stats.updated()).put("unchanged", stats.unchanged()).put("deleted", stats.deleted())
                    .put("skipped", skipped[0]).put("chunks", stats.chunks())
                    .put("chunks_per_second", Rounding.places(stats.chunksPerSecond(), 2));
            if (bytes >= 0) r.put("index_bytes", bytes);
            r.printJson(System.out);
        }
    }
}
