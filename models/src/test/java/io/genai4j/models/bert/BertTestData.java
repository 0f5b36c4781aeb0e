package io.genai4j.models.bert;

import io.genai4j.text.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** SST-2 sentences from ../shared/data (see {@link SharedData}: skipped when absent, failed under CI). */
final class BertTestData {
    private BertTestData() {}

    static Path sharedData(String relative) {
        return SharedData.require(relative);
    }

    /** The first n sentences of an SST-2 split file. */
    static List<String> sst2(String file, int n) throws IOException {
        List<String> lines = Files.readAllLines(sharedData("sentiment/sst2/" + file), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.size() && out.size() < n; i++) out.add(lines.get(i).substring(0, lines.get(i).lastIndexOf('\t')));
        return out;
    }
}
