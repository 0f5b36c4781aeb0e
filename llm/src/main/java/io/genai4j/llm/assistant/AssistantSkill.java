package io.genai4j.llm.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.chat.ChatRenderer;
import io.genai4j.llm.chat.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A skill the shipped assistant lacks, for the LoRA skills lesson: a seeded generator of its
 * conversations ({@code genai assistant data --skill NAME}), whose held-out questions come from
 * {@link #HELD_OUT_SEED} and are scored exactly ({@link AssistantEval}).
 */
public interface AssistantSkill {
    /** Held-out questions of every skill come from this seed; training data from any other. */
    long HELD_OUT_SEED = 1_000_017;

    /** The skills there are generators for, by their command-line names. */
    List<String> NAMES = List.of(NumberOnlySkill.NAME, WeekendSkill.NAME);

    /** The next conversation. */
    AssistantData.Sample next();

    /** n conversations. */
    default List<AssistantData.Sample> take(int n) {
        List<AssistantData.Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(next());
        return out;
    }

    /** The generator of a skill by name; an unknown name is a user error. */
    static AssistantSkill named(String name, long seed) {
        return switch (name) {
            case NumberOnlySkill.NAME -> new NumberOnlySkill(seed);
            case WeekendSkill.NAME -> new WeekendSkill(seed);
            default -> throw new IllegalArgumentException("unknown skill " + Printable.of("'" + name + "'") + ": expected one of " + NAMES);
        };
    }

    /**
     * n conversations of which about a share {@code replay} are the assistant's own mix
     * ({@link AssistantData#next}, drawn with the same seed) and the rest the skill's, shuffled
     * together: training on the new skill alone makes the model forget the old ones, replaying some
     * old conversations keeps them (the skills lesson measures both).
     */
    static List<AssistantData.Sample> withReplay(AssistantSkill skill, int n, double replay, long seed) {
        if (!(replay >= 0 && replay < 1)) throw new IllegalArgumentException("the replayed share must be in [0, 1), got " + replay);
        SplittableRandom r = new SplittableRandom(seed);
        AssistantData own = new AssistantData(seed);
        List<AssistantData.Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(r.nextDouble() < replay ? own.next() : skill.next());
        return out;
    }

    /**
     * One line of chat training data ({@code genai lora train --data}): the conversation's messages
     * and the assistant's tools as its chat template reads them.
     */
    static String jsonLine(AssistantData.Sample s, List<ToolSpec> tools) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messages", s.conversation().stream().map(ChatRenderer::toTemplate).toList());
        line.put("tools", tools.stream().map(ChatRenderer::toTemplate).toList());
        try {
            return new ObjectMapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
