package io.genai4j.cli.caption;

import io.genai4j.cli.BeamOption;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.course.captioner.WordAttentionPicture;
import io.genai4j.models.captioner.CaptionBatch;
import io.genai4j.models.captioner.CaptionDecoder;
import io.genai4j.models.captioner.CaptionGrammar;
import io.genai4j.models.captioner.CaptionVocabulary;
import io.genai4j.models.captioner.Git;
import io.genai4j.models.captioner.QuestionAnswer;
import io.genai4j.models.captioner.Scene;
import io.genai4j.models.captioner.TextExample;
import io.genai4j.models.captioner.WordAttention;
import io.genai4j.engine.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai caption describe}: one test scene's caption, answers to its questions, and a word → patch attention picture. */
@Command(name = "describe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Caption one generated test scene, answer the grammar's questions about it (or --question), and draw where the decoder looked for each word."})
public final class CaptionDescribe implements Callable<Integer> {
    @Mixin CaptionModelOption model;
    @Mixin SceneSplitOption split;
    @Option(names = "--index", defaultValue = "0", description = "Which scene of the split (default ${DEFAULT-VALUE}).") long index;
    @Mixin BeamOption beam = new BeamOption(1);
    @Option(names = "--question", description = "Ask this question (words of the grammar, e.g. \"which digit is red ?\") instead of all of the scene's.") String question;
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "runs/caption-attention.png", description = "Picture (default: ${DEFAULT-VALUE}).") Path png;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (index < 0) throw new IllegalArgumentException("--index must be >= 0, got " + index);
        int width = beam.width();
        CaptionModelOption.Loaded m = model.load();
        Git git = m.checkpoint().model();
        CaptionVocabulary vocab = new CaptionVocabulary();
        Scene scene = split.generator().scene(index);
        Tensor image = CaptionBatch.images(List.of(scene));
        int[] bos = {CaptionVocabulary.BOS};
        int[] ids = width == 1 ? CaptionDecoder.greedy(git, image, List.of(bos)).getFirst() : CaptionDecoder.beam(git, image, bos, width);
        String caption = vocab.decode(ids), reference = CaptionGrammar.caption(scene);
        List<QuestionAnswer> asked = question != null ? List.of(new QuestionAnswer(question, "")) : CaptionGrammar.questions(scene);
        List<int[]> prompts = new ArrayList<>();
        for (QuestionAnswer qa : asked) prompts.add(TextExample.prompt(vocab, qa.question()));
        List<Scene> copies = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) copies.add(scene);
        List<int[]> answers = CaptionDecoder.greedy(git, CaptionBatch.images(copies), prompts);
        System.out.println(split.name() + " scene " + index);
        System.out.println("  reference: " + reference);
        System.out.println("  generated: " + caption);
        List<Map<String, Object>> qaOut = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String got = vocab.decode(answers.get(i)), want = asked.get(i).answer();
            System.out.println("  Q: " + asked.get(i).question() + "  A: " + got + (want.isEmpty() ? "" : got.equals(want) ? "  (right)" : "  (expected " + want + ")"));
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("question", asked.get(i).question());
            q.put("answer", got);
            if (!want.isEmpty()) q.put("expected", want);
            qaOut.add(q);
        }
        List<String> words = new ArrayList<>();
        for (int id : ids) words.add(vocab.word(id));
        float[][][] maps = WordAttention.maps(git, image, bos, ids);
        WordAttentionPicture.save(png, "GIT captioner: word → patch attention", "\"" + caption + "\" (" + split.name() + " scene " + index + "; decoder layers and heads averaged)",
                scene.pixels(), scene.size(), maps, words);
        System.out.println("picture: " + png.toAbsolutePath());
        if (json.on()) {
            new Report().put("checkpoint", m.name()).put("split", split.name()).put("index", index).put("reference", reference).put("caption", caption)
                    .put("questions", qaOut).put("png", png.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
