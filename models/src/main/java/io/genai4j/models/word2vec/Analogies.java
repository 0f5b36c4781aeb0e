package io.genai4j.models.word2vec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Analogy questions in the format of Mikolov et al.'s questions-words.txt: {@code : section} lines,
 * then {@code a b c d} meaning "a is to b as c is to d". A question is answered correctly when the
 * nearest word to b − a + c (question words excluded) is d. Questions with a word outside the
 * vocabulary are skipped and counted as such.
 */
public record Analogies(List<Question> questions) {
    public record Question(String section, String a, String b, String c, String d) {}

    /** Per section and overall: answered, correct, skipped (out of vocabulary). */
    public record Score(Map<String, int[]> bySection, int answered, int correct, int skipped, List<String> wrong) {
        public double accuracy() {
            return answered == 0 ? 0 : (double) correct / answered;
        }
    }

    /** The built-in list of questions that tiny Shakespeare covers (semantic and syntactic). */
    public static Analogies shakespeare() {
        try (InputStream in = Analogies.class.getResourceAsStream("analogies-shakespeare.txt")) {
            if (in == null) throw new IllegalStateException("bundled analogy list missing");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in list");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Analogies load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException("analogy file not found: " + file);
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static Analogies parse(String text, String source) {
        List<Question> qs = new ArrayList<>();
        String section = "all";
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.startsWith(":")) {
                section = l.substring(1).strip();
                continue;
            }
            String[] p = l.toLowerCase(Locale.ROOT).split("\\s+");
            if (p.length != 4) throw new IllegalArgumentException(source + " line " + lineNo + ": expected four words 'a b c d', got '" + l + "'");
            qs.add(new Question(section, p[0], p[1], p[2], p[3]));
        }
        if (qs.isEmpty()) throw new IllegalArgumentException(source + ": no analogy questions");
        return new Analogies(List.copyOf(qs));
    }

    public Score evaluate(WordVectors v) {
        Map<String, int[]> by = new LinkedHashMap<>();
        int answered = 0, correct = 0, skipped = 0;
        List<String> wrong = new ArrayList<>();
        for (Question q : questions) {
            int[] s = by.computeIfAbsent(q.section(), k -> new int[3]);
            if (!v.contains(q.a()) || !v.contains(q.b()) || !v.contains(q.c()) || !v.contains(q.d())) {
                s[2]++;
                skipped++;
                continue;
            }
            String got = v.analogy(q.a(), q.b(), q.c(), 1).get(0).word();
            s[0]++;
            answered++;
            if (got.equals(q.d())) {
                s[1]++;
                correct++;
            } else {
                wrong.add(q.a() + " : " + q.b() + " :: " + q.c() + " : " + q.d() + " (got " + got + ")");
            }
        }
        return new Score(by, answered, correct, skipped, wrong);
    }
}
