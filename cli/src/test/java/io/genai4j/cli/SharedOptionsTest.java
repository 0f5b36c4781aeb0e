package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.cli.assistant.AssistantTrain;
import io.genai4j.cli.gpt.GptSample;
import io.genai4j.cli.gpt.GptTrain;
import io.genai4j.cli.llm.RunCommand;
import io.genai4j.cli.rnn.RnnTrain;
import io.genai4j.cli.serve.ServeCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The option mixins that several commands share ({@link SeedOption}, {@link CorpusOption},
 * {@link JsonOption}): one help line each, yet every command keeps its own default, and a value
 * given on the command line reaches the command.
 */
class SharedOptionsTest {
    private static CommandSpec parsed(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.parseArgs(args);
        return cl.getCommandSpec();
    }

    @Test
    void eachCommandKeepsItsOwnSeedDefault() {
        assertEquals(1337L, (long) parsed(new GptTrain()).findOption("--seed").getValue());
        assertEquals(1337L, (long) parsed(new RnnTrain()).findOption("--seed").getValue());
        assertEquals(15L, (long) parsed(new AssistantTrain()).findOption("--seed").getValue());
        assertEquals(42L, (long) parsed(new RunCommand(), "model.gguf", "--prompt", "Hi").findOption("--seed").getValue());
        assertEquals(7L, (long) parsed(new GptTrain(), "--seed", "7").findOption("--seed").getValue());
    }

    @Test
    void theHelpShowsEachCommandsDefaultInTheSharedWording() {
        assertTrue(CliRun.of("gpt", "train", "--help").out().contains("Random seed (default 1337)."));
        assertTrue(CliRun.of("assistant", "train", "--help").out().contains("Random seed (default 15)."));
        String rnn = CliRun.of("rnn", "train", "--help").out();
        assertTrue(rnn.contains("--corpus=<corpus>") && rnn.contains("A UTF-8 text file (default: bundled tiny"), rnn);
        assertTrue(rnn.contains("--json") && rnn.contains("Also print the result as one JSON line."), rnn);
    }

    @Test
    void jsonIsOffUnlessGiven() {
        assertEquals(false, parsed(new RnnTrain()).findOption("--json").getValue());
        assertEquals(true, parsed(new RnnTrain(), "--json").findOption("--json").getValue());
    }

    @Test
    void serversAndSamplersKeepTheirOwnDefaultsInTheSharedWording() {
        assertEquals(8080, (int) parsed(new ServeCommand(), "model.gguf").findOption("--port").getValue());
        assertTrue(CliRun.of("rag", "serve", "--help").out().contains("Port (default 8090; 0 = any free port)."));
        assertEquals(200, (int) parsed(new GptSample()).findOption("--top-k").getValue());
        assertEquals(40, (int) parsed(new RunCommand(), "model.gguf", "--prompt", "Hi").findOption("--top-k").getValue());
        assertEquals(0.3f, (float) parsed(new GptSample(), "--temperature", "0.3").findOption("--temperature").getValue());
    }

    @Test
    void translateAndEvalNameTheModelOfTheirGroup() {
        assertTrue(CliRun.of("seq2seq", "eval", "--help").out().contains("of a seq2seq checkpoint"));
        assertTrue(CliRun.of("transformer", "translate", "--help").out().contains("a trained transformer checkpoint"));
    }

    @Test
    void aBeamBelowOneIsAUserErrorAndOneIsGreedy() {
        assertEquals("beam 4", new BeamOption(4).label());
        assertEquals("greedy", new BeamOption(1).label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BeamOption(0).width());
        assertEquals("--beam must be >= 1, got 0", e.getMessage());
    }

    @Test
    void aTrainSizeOutsideTheTrainingSplitIsAUserError() {
        String data = TestData.mnistDir();
        CliRun.assertUserError("--train-size must be in 1..8000, got 0", "vae", "train", "--data", data, "--train-size", "0");
        CliRun.assertUserError("--train-size must be in 1..8000, got 8001", "vision", "train", "--data", data, "--train-size", "8001");
    }
}
