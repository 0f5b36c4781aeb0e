package io.genai4j.llm.assistant;

import io.genai4j.llm.agent.builtin.CurrentTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A skill the shipped assistant does not have, and one it can learn without copying digits: "Is it
 * the weekend?" — call the clock as for "What day is it today?", then answer yes or no from the
 * weekday it returns and name the day ("Yes, it is Sat." / "No, it is Tue.", the day as the clock writes it). The clock's
 * answer is one weekday word to read, not numbers to copy, and the decision is a mapping of seven
 * words to two. Half the questions fall on a weekend (a uniform day would make "No" right 5 times
 * in 7); the evaluation wants exactly the reference reply.
 *
 * <p>Measured (rank 8, 300 examples): the adapter copies every day right and calls the clock every
 * time, but answers "No" to all, so it scores the weekday share. Naming the day before deciding
 * ("It is Sat: yes, the weekend.") did worse — 0 of 40, the answer starts like the clock's "It is
 * 10:40 UTC." and the adapter's loss on it began at 2.7 nats instead of 1.2 — so this format stays.
 */
public final class WeekendSkill implements AssistantSkill {
    /** Its name on the command line. */
    public static final String NAME = "weekend";
    private static final List<String> QUESTIONS = List.of("Is it the weekend?", "Is today a weekend day?", "Is it the weekend today?",
            "Is today a weekday or the weekend?");

    private final AssistantData data;
    private final SplittableRandom r;

    public WeekendSkill(long seed) {
        this.data = new AssistantData(seed);
        this.r = new SplittableRandom(seed ^ 0x5EEDL);
    }

    /** The next conversation: the question, the clock's call (UTC) and result, the yes or no naming the day. */
    @Override
    public AssistantData.Sample next() {
        boolean weekend = r.nextBoolean();
        ZonedDateTime t = Instant.ofEpochSecond(r.nextLong(1_600_000_000L, 2_000_000_000L)).atZone(ZoneOffset.UTC);
        while (isWeekend(t.getDayOfWeek()) != weekend) t = t.plusDays(1);
        String result = CurrentTime.format(t, "UTC");
        String day = result.substring(0, result.indexOf(' '));   // the weekday as the tool writes it
        String answer = (weekend ? "Yes" : "No") + ", it is " + day + ".";
        String question = QUESTIONS.get(r.nextInt(QUESTIONS.size()));
        return data.withTool(question, CurrentTime.NAME, Map.of(), result, answer, answer, Map.of(), t.toInstant());
    }

    static boolean isWeekend(DayOfWeek d) {
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
