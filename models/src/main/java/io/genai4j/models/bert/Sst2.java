package io.genai4j.models.bert;

import io.genai4j.engine.util.SharedDataDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SST-2 sentiment data in GLUE's TSV layout (header "sentence\tlabel", label 0 negative, 1
 * positive). genai4j does not ship it: it is read from a folder, by default the shared data folder
 * next to the checkout ({@code ../shared/data/sentiment/sst2}), or -Dgenai.data / $GENAI_DATA.
 */
public record Sst2(List<String> sentences, int[] labels) {

    public int size() {
        return sentences.size();
    }

    /** The default folder holding train.tsv, dev.tsv and test.tsv. */
    public static Path defaultDir() {
        return SharedDataDir.resolve("sentiment/sst2");
    }

    /** Reads dir/split.tsv (split = train, dev or test). */
    public static Sst2 load(Path dir, String split) throws IOException {
        Path f = dir.resolve(split + ".tsv");
        if (!Files.isRegularFile(f)) {
            throw new IOException("SST-2 file " + f + " not found: pass --data DIR (a folder with train.tsv, dev.tsv, test.tsv in GLUE's format)");
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<String> s = new ArrayList<>(lines.size());
        int[] y = new int[lines.size()];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            int tab = line.lastIndexOf('\t');
            String label = tab < 0 ? "" : line.substring(tab + 1).strip();
            if (!label.equals("0") && !label.equals("1")) throw new IOException(f + " line " + (i + 1) + ": expected \"sentence<TAB>0|1\"");
            s.add(line.substring(0, tab).strip());
            y[n++] = label.charAt(0) - '0';
        }
        return new Sst2(List.copyOf(s), Arrays.copyOf(y, n));
    }
}
