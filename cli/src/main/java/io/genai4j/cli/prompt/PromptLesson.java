package io.genai4j.cli.prompt;

import io.genai4j.cli.ItemsBar;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.course.prompting.PromptScore;
import io.genai4j.llm.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import picocli.CommandLine.Mixin;

/**
 * What the prompting lessons share: the chat model they ask ({@code --model}, {@code --endpoint}),
 * {@code --threads}, how the scores are shown ({@code --png}, {@code --json}), and their run: every
 * way of prompting scored over the same items, one progress bar each, on one opened model.
 */
public final class PromptLesson {
    @Mixin
    ChatModelOptions chat;
    @Mixin
    ScoreTable output;
    @Mixin
    ThreadsOption threads;

    /** One way of prompting: its score over the lesson's items, reporting each item done. */
    @FunctionalInterface
    interface Method {
        PromptScore score(ChatModel model, IntConsumer progress) throws Exception;
    }

    /** --threads, before the lesson computes anything. */
    void applyThreads() {
        threads.apply();
    }

    /** The model as the user named it. */
    String model() {
        return chat.name();
    }

    /** Opens the model and scores each method (its label on the bar) over {@code items} {@code unit}, in order. */
    List<PromptScore> score(Map<String, Method> methods, int items, String unit) throws Exception {
        List<PromptScore> scores = new ArrayList<>();
        try (ChatModelOptions.Opened m = chat.open()) {
            for (Map.Entry<String, Method> e : methods.entrySet()) {
                try (ItemsBar bar = new ItemsBar(e.getKey(), items, unit)) {
                    scores.add(e.getValue().score(m.model(), bar));
                }
            }
        }
        return scores;
    }

    /** The table (after {@code heading}), the chart titled {@code title} with --png, the settings and scores with --json. */
    void show(String heading, String title, List<PromptScore> scores, Report settings) {
        output.show(heading, title, scores, settings);
    }
}
