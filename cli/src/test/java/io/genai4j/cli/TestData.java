package io.genai4j.cli;

import io.genai4j.engine.DType;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.HfToGguf;
import io.genai4j.models.llama.TinyModels;
import io.genai4j.models.vision.Mnist;
import io.genai4j.text.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Data that several CLI tests run commands on. */
public final class TestData {
    private TestData() {}

    /** The shared data folder's MNIST files, as a --data argument (the test is skipped when they are absent, fails under CI). */
    public static String mnistDir() {
        return SharedData.require("images/mnist/" + Mnist.IMAGES).getParent().toString();
    }

    /** toy.txt in dir: one short sentence thirty times, enough text for the n-gram and sampling commands. */
    public static Path toyCorpus(Path dir) throws IOException {
        return Files.writeString(dir.resolve("toy.txt"),
                "the cat sat on the mat and the dog sat on the log and they were happy all day long.\n".repeat(30));
    }

    /** tiny-TYPE.gguf in dir: {@code genai gguf random --preset tiny --type TYPE}, a real GGUF file with random weights. */
    public static Path tinyGguf(Path dir, String type) {
        Path f = dir.resolve("tiny-" + type + ".gguf");
        CliRun r = CliRun.of("gguf", "random", "--preset", "tiny", "--type", type, "--out", f.toString());
        if (r.code() != 0) throw new IllegalStateException("gguf random failed: " + r.err());
        return f;
    }

    /** tiny.gguf in dir: a tiny random Hugging Face model of the architecture (its weights seeded), converted to an F32 GGUF to serve or run. */
    public static Path tinyConvertedGguf(Path dir, Arch arch, int seed) throws IOException {
        Path gguf = dir.resolve("tiny.gguf");
        HfToGguf.convert(TinyModels.writeHf(dir.resolve("hf"), arch, seed), gguf, DType.F32);
        return gguf;
    }
}
