package io.genai4j.models.bert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** SST-2 sentences from ../shared/data (the test is skipped, with the reason, when it is absent). */
final class BertTestData {
    private BertTestData() {}

    static Path sharedData(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("mvnw"))) p = p.getParent();
        assumeTrue(p != null, "no mvnw above the working directory");
        Path f = p.resolveSibling("shared").resolve("data").resolve(relative);
        assumeTrue(Files.exists(f), "shared data not found, skipping: " + f);
        return f;
    }

    /** The first n sentences of an SST-2 split file. */
    static List<String> sst2(String file, int n) throws IOException {
        List<String> lines = Files.readAllLines(sharedData("sentiment/sst2/" + file), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.size() && out.size() < n; i++) out.add(lines.get(i).substring(0, lines.get(i).lastIndexOf('\t')));
        return out;
    }
}
