package io.genai4j.cli;

import io.genai4j.cli.gpt.GptCommand;
import io.genai4j.cli.bert.BertCommand;
import io.genai4j.cli.ngram.NgramCommand;
import java.util.ServiceLoader;
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
                io.genai4j.cli.rnn.RnnCommand.class,
                io.genai4j.cli.word2vec.Word2VecCommand.class,
                io.genai4j.cli.seq2seq.Seq2SeqCommand.class,
                io.genai4j.cli.transformer.TransformerCommand.class,
                io.genai4j.cli.lora.LoraCommand.class,
                io.genai4j.cli.llm.RunCommand.class,
                io.genai4j.cli.llm.ChatCommand.class,
                io.genai4j.cli.llm.TokenizeCommand.class,
                io.genai4j.cli.llm.InspectCommand.class,
                io.genai4j.cli.llm.PullCommand.class,
                io.genai4j.cli.llm.ModelsCommand.class,
                io.genai4j.cli.serve.ServeCommand.class,
                io.genai4j.cli.serve.StudioCommand.class,
                BertCommand.class,
                io.genai4j.cli.rag.RagCommand.class,
                io.genai4j.cli.prompt.PromptCommand.class,
                io.genai4j.cli.assistant.AssistantCommand.class,
                io.genai4j.cli.agent.AgentCommand.class,
                io.genai4j.cli.vision.VisionCommand.class,
                io.genai4j.cli.caption.CaptionCommand.class,
                io.genai4j.cli.gguf.GgufCommand.class,
                io.genai4j.cli.safetensors.SafetensorsCommand.class,
                io.genai4j.cli.vae.VaeCommand.class,
                io.genai4j.cli.diffusion.DiffusionCommand.class,
                io.genai4j.cli.gan.GanCommand.class,
                io.genai4j.cli.generative.GenerativeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
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
