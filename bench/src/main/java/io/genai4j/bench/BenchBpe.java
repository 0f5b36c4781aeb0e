package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.engine.util.SharedDataDir;
import io.genai4j.text.Corpus;
import io.genai4j.text.bpe.BpeTrainer;
import io.genai4j.text.bpe.ByteLevelBpe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai bench bpe}: GPT-2 BPE encoding throughput and BPE training time on tiny Shakespeare. */
@Command(name = "bpe", mixinStandardHelpOptions = true,
        description = "Byte-level BPE speed: GPT-2 encoding throughput in MB/s (cold and warm piece cache), and training a 1,000-token BPE.")
public final class BenchBpe implements Callable<Integer> {
    @Option(names = "--vocab", paramLabel = "DIR", description = "Folder with GPT-2's encoder.json and vocab.bpe (default: tokenizers/gpt2 in the shared data folder: $GENAI_DATA, or ../shared/data beside the project).")
    Path vocab;
    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1");
        Path dir = vocab != null ? vocab : defaultVocab();
        ByteLevelBpe gpt2 = ByteLevelBpe.load(dir);
        Corpus c = Corpus.tinyShakespeare();
        String text = c.text();
        double mb = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
        int tokens = gpt2.encode(text).length; // warm-up
        double[] cold = new double[repeats], warm = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            gpt2.clearCache();
            long t0 = System.nanoTime();
            gpt2.encode(text);
            cold[i] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            gpt2.encode(text);
            warm[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(cold);
        Arrays.sort(warm);
        double coldMbs = mb / cold[repeats / 2], warmMbs = mb / warm[repeats / 2];
        long t0 = System.nanoTime();
        ByteLevelBpe trained = BpeTrainer.train(c.split().train(), 1000, List.of("<|endoftext|>"));
        double trainSecs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "GPT-2 BPE encode, %.2f MB -> %,d tokens: %.1f MB/s cold cache, %.1f MB/s warm (median of %d)%n",
                mb, tokens, coldMbs, warmMbs, repeats);
        System.out.printf(Locale.ROOT, "BPE training, %d tokens on the %,d-char train split: %.2f s%n", trained.vocabSize(), c.split().train().length(), trainSecs);
        if (json.on()) new Report().put("op", "bpe").put("mb", mb).put("tokens", tokens).put("encode_mb_s_cold", Rounding.places(coldMbs, 1))
                .put("encode_mb_s_warm", Rounding.places(warmMbs, 1)).put("train_1000_s", Rounding.places(trainSecs, 3)).printJson(System.out);
        return 0;
    }

    /** GPT-2's files in the shared data folder, found as every data set is (a worktree finds its parent's). */
    static Path defaultVocab() {
        Path p = SharedDataDir.resolve("tokenizers/gpt2");
        if (!Files.isDirectory(p)) throw new IllegalArgumentException("GPT-2 vocabulary not found at " + p + "; pass --vocab DIR (a folder with encoder.json and vocab.bpe)");
        return p;
    }
}
