package io.genai4j.cli.rag;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai rag ...}: retrieval-augmented answers on a Lucene index and our BERT encoders. */
@Command(name = "rag", mixinStandardHelpOptions = true,
        description = {"Retrieval-augmented generation: index a folder (text, Markdown, HTML, PDF) with BM25 and BERT vectors",
                "in one Lucene index, ask it questions answered with cited sources, and evaluate retrieval on SQuAD."},
        subcommands = {RagIndexCommand.class, RagAsk.class, RagEval.class, RagServe.class})
public final class RagCommand extends CommandGroup {
    /** Where `rag index` writes and `rag ask` reads when --index is not given. */
    public static final String DEFAULT_INDEX = "runs/rag-index";

}
