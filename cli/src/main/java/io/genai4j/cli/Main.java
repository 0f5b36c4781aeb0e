package io.genai4j.cli;

import io.genai4j.cli.agent.AgentCommand;
import io.genai4j.cli.assistant.AssistantCommand;
import io.genai4j.cli.bert.BertCommand;
import io.genai4j.cli.caption.CaptionCommand;
import io.genai4j.cli.diffusion.DiffusionCommand;
import io.genai4j.cli.gan.GanCommand;
import io.genai4j.cli.generative.GenerativeCommand;
import io.genai4j.cli.gguf.GgufCommand;
import io.genai4j.cli.gpt.GptCommand;
import io.genai4j.cli.llm.ChatCommand;
import io.genai4j.cli.llm.InspectCommand;
import io.genai4j.cli.llm.ModelsCommand;
import io.genai4j.cli.llm.PullCommand;
import io.genai4j.cli.llm.RunCommand;
import io.genai4j.cli.llm.TokenizeCommand;
import io.genai4j.cli.lora.LoraCommand;
import io.genai4j.cli.ngram.NgramCommand;
import io.genai4j.cli.prompt.PromptCommand;
import io.genai4j.cli.rag.RagCommand;
import io.genai4j.cli.rnn.RnnCommand;
import io.genai4j.cli.safetensors.SafetensorsCommand;
import io.genai4j.cli.seq2seq.Seq2SeqCommand;
import io.genai4j.cli.serve.ServeCommand;
import io.genai4j.cli.serve.StudioCommand;
import io.genai4j.cli.transformer.TransformerCommand;
import io.genai4j.cli.vae.VaeCommand;
import io.genai4j.cli.vision.VisionCommand;
import io.genai4j.cli.word2vec.Word2VecCommand;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code genai <lesson> <verb> [options]}: the entry point of the command line. */
@Command(name = "genai",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generative AI in pure Java, from n-grams to today's LLMs.",
        subcommands = {
                TourCommand.class,
                NgramCommand.class,
                LadderCommand.class,
                GptCommand.class,
                RnnCommand.class,
                Word2VecCommand.class,
                Seq2SeqCommand.class,
                TransformerCommand.class,
                LoraCommand.class,
                RunCommand.class,
                ChatCommand.class,
                TokenizeCommand.class,
                InspectCommand.class,
                PullCommand.class,
                ModelsCommand.class,
                ServeCommand.class,
                StudioCommand.class,
                BertCommand.class,
                RagCommand.class,
                PromptCommand.class,
                AssistantCommand.class,
                AgentCommand.class,
                VisionCommand.class,
                CaptionCommand.class,
                GgufCommand.class,
                SafetensorsCommand.class,
                VaeCommand.class,
                DiffusionCommand.class,
                GanCommand.class,
                GenerativeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main extends CommandGroup {
    /**
     * Lucene announces its vector support at INFO on stderr once per process: two lines of noise before
     * a rag command's output or its one-line error. Held here so the configured logger is not collected.
     */
    static final Logger LUCENE = Logger.getLogger("org.apache.lucene");

    static {
        LUCENE.setLevel(Level.WARNING);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        for (ExtraCommand c : ServiceLoader.load(ExtraCommand.class)) cl.addSubcommand(c);
        cl.setExecutionExceptionHandler(new UserErrors());
        if (!cl.getSubcommands().containsKey("bench")) { // the CLI's own jar: benchmarks are in the bench module's
            cl.getCommandSpec().usageMessage().footer("%nSpeed measurements: genai bench --help (the launcher adds the bench module for them).");
            if (args.length > 0 && args[0].equals("bench")) {
                cl.getErr().println("genai: bench is in the bench module, not on this class path: run it through the genai"
                        + " launcher (it adds bench/target/genai-bench.jar for `genai bench`)");
                return 2;
            }
        }
        try {
            return cl.execute(args);
        } catch (Error | RuntimeException e) { // picocli hands only Exceptions to UserErrors: a StackOverflowError gets here
            return UserErrors.report(e, cl.getErr());
        }
    }
}
