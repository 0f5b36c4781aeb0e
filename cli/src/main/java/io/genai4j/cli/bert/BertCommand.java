package io.genai4j.cli.bert;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai bert ...}: a pretrained BERT on the genai4j engine. */
@Command(name = "bert", mixinStandardHelpOptions = true,
        description = {"Using trained transformers: a pretrained BERT encoder (all-MiniLM-L6-v2, BGE small) running on genai4j's engine.",
                "Sentence embeddings, similarity, a frozen-encoder sentiment classifier, attention pictures."},
        subcommands = {BertEmbed.class, BertSimilarity.class, BertClassify.class, BertAttention.class})
public final class BertCommand extends CommandGroup {
}
