package io.genai4j.cli.assistant;

import io.genai4j.llm.assistant.AssistantData;
import io.genai4j.llm.assistant.AssistantSkill;
import io.genai4j.llm.assistant.NumberOnlySkill;
import io.genai4j.llm.assistant.WeekendSkill;
import io.genai4j.llm.assistant.TinyAssistant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code genai assistant data --skill weekend}: conversations of a new skill as chat JSONL, the
 * data of the LoRA skills lesson ({@code genai lora train tiny-assistant --data FILE}), optionally
 * with a share of the assistant's own conversations replayed among them ({@code --replay}).
 */
@Command(name = "data", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write generated conversations of a skill the shipped assistant lacks as chat JSONL (messages and tools), for genai lora train.")
public final class AssistantDataCommand implements Callable<Integer> {
    @Option(names = "--skill", defaultValue = WeekendSkill.NAME, description = {WeekendSkill.NAME + ": \"Is it the weekend?\" answered from the clock's weekday, \"Yes, it is Sat.\" (default).",
            NumberOnlySkill.NAME + ": calculator questions ending \"" + NumberOnlySkill.INSTRUCTION + "\", answered with the bare number."}) String skill;
    @Option(names = "--replay", defaultValue = "0", description = "Share of the assistant's own conversations mixed in, against forgetting (default ${DEFAULT-VALUE}).") double replay;
    @Option(names = "--count", defaultValue = "300", description = "Conversations (default ${DEFAULT-VALUE}).") int count;
    @Option(names = "--seed", defaultValue = "17", description = "Random seed (default ${DEFAULT-VALUE}; the held-out questions use their own).") long seed;
    @Option(names = "--out", required = true, description = "The JSONL file.") Path out;

    @Override
    public Integer call() throws Exception {
        if (count < 1) throw new IllegalArgumentException("--count must be at least 1, got " + count);
        if (seed == AssistantSkill.HELD_OUT_SEED) throw new IllegalArgumentException("--seed " + seed + " is the held-out questions' seed: pick another");
        List<AssistantData.Sample> samples = AssistantSkill.withReplay(AssistantSkill.named(skill, seed), count, replay, seed);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        StringBuilder sb = new StringBuilder();
        for (AssistantData.Sample s : samples) sb.append(AssistantSkill.jsonLine(s, TinyAssistant.TOOLS)).append('\n');
        Files.writeString(out, sb, StandardCharsets.UTF_8);
        System.out.println(count + " " + skill + " conversations" + (replay > 0 ? " (about " + Math.round(100 * replay) + "% of them the assistant's own)" : "")
                + " in " + out.toAbsolutePath());
        return 0;
    }
}
