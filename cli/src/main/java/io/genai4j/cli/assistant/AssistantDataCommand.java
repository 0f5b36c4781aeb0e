package io.genai4j.cli.assistant;

import io.genai4j.llm.assistant.AssistantData;
import io.genai4j.llm.assistant.NumberOnlySkill;
import io.genai4j.llm.assistant.TinyAssistant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code genai assistant data --skill number-only}: conversations of a new skill as chat JSONL, the
 * data of the LoRA skills lesson ({@code genai lora train tiny-assistant --data FILE}).
 */
@Command(name = "data", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write generated conversations of a skill the shipped assistant lacks as chat JSONL (messages and tools), for genai lora train.")
public final class AssistantDataCommand implements Callable<Integer> {
    /** The skills there are generators for. */
    static final List<String> SKILLS = List.of("number-only");

    @Option(names = "--skill", defaultValue = "number-only", description = "number-only: calculator questions ending \"" + NumberOnlySkill.INSTRUCTION
            + "\", answered with the bare number (default ${DEFAULT-VALUE}).") String skill;
    @Option(names = "--count", defaultValue = "300", description = "Conversations (default ${DEFAULT-VALUE}).") int count;
    @Option(names = "--seed", defaultValue = "17", description = "Random seed (default ${DEFAULT-VALUE}; the held-out questions use their own).") long seed;
    @Option(names = "--out", required = true, description = "The JSONL file.") Path out;

    @Override
    public Integer call() throws Exception {
        if (count < 1) throw new IllegalArgumentException("--count must be at least 1, got " + count);
        if (seed == NumberOnlySkill.HELD_OUT_SEED) throw new IllegalArgumentException("--seed " + seed + " is the held-out questions' seed: pick another");
        List<AssistantData.Sample> samples = skill(skill, seed).take(count);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        StringBuilder sb = new StringBuilder();
        for (AssistantData.Sample s : samples) sb.append(NumberOnlySkill.jsonLine(s, TinyAssistant.TOOLS)).append('\n');
        Files.writeString(out, sb, StandardCharsets.UTF_8);
        System.out.println(count + " " + skill + " conversations in " + out.toAbsolutePath());
        return 0;
    }

    /** The generator of a skill by name; an unknown name is a user error. */
    static NumberOnlySkill skill(String name, long seed) {
        if (!SKILLS.contains(name)) throw new IllegalArgumentException("unknown skill '" + name + "': expected one of " + SKILLS);
        return new NumberOnlySkill(seed);
    }
}
