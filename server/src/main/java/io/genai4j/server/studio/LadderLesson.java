package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.course.ladder.Ladder;
import io.genai4j.course.ladder.LadderData;
import io.genai4j.course.ladder.LadderEntry;
import io.genai4j.course.ladder.LadderStep;
import io.genai4j.engine.util.Printable;
import io.genai4j.server.ApiException;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import io.genai4j.text.Corpus;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ladder on the page: the course's models (n-grams → LSTM → GPT) scored on the same char-level
 * validation split of tiny Shakespeare, as {@code genai ladder --json} gives them, one rung streamed
 * as it finishes. The counting rungs take seconds; the neural ones evaluate the whole split (minutes
 * of CPU), so the page asks for them.
 */
final class LadderLesson {
    /** The family of the counting rungs, the quick ladder. */
    static final String COUNTING = "n-gram";
    final JobSlot runs;

    LadderLesson(Consumer<Throwable> bugs) {
        this.runs = new JobSlot("ladder", bugs);
    }

    /** {@code {"rungs": "counting" | "all", "seed": 1}} → {@code {"run": id, "rungs": n}}; 409 while the ladder runs. */
    ObjectNode start(JsonNode body) {
        Fields f = new Fields(body, "");
        String which = f.string("rungs", "counting");
        if (!which.equals("counting") && !which.equals("all")) {
            throw ApiException.invalid("rungs", "rungs must be \"counting\" or \"all\", not " + Printable.of(which));
        }
        boolean neural = which.equals("all");
        long seed = f.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        List<LadderEntry> rungs = Ladder.entries().stream().filter(e -> neural || e.family().equals(COUNTING)).toList();
        StudioJob run = runs.start(job -> {
            Corpus corpus = Corpus.tinyShakespeare();
            LadderData data = LadderData.of(corpus, seed, 80);
            job.add(Json.object().put("type", "start").put("corpus", corpus.name()).put("val_chars", data.valChars())
                    .put("vocabulary", data.chars().vocabSize()).put("rungs", rungs.size()));
            Ladder.run(data, rungs, r -> {
                ObjectNode rung = Json.MAPPER.valueToTree(LadderStep.json(r));
                job.add(rung.put("type", "rung"));
                job.checkStop();
            });
        });
        return Json.object().put("run", run.id).put("rungs", rungs.size());
    }
}
