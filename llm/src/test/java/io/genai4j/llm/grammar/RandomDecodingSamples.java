package io.genai4j.llm.grammar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Strings of a grammar's language drawn byte by byte (a uniformly random live byte, ending when accepting at random). */
final class RandomDecodingSamples {
    private RandomDecodingSamples() {}

    static List<String> of(ByteAutomaton a, SplittableRandom r, int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            int st = a.start();
            for (int steps = 0; steps < 200; steps++) {
                if (a.accepting(st) && (a.complete(st) || r.nextInt(4) == 0)) {
                    out.add(s.toString(StandardCharsets.UTF_8));
                    break;
                }
                List<Integer> live = new ArrayList<>();
                for (int b = 0; b < 256; b++) if (a.step(st, b) >= 0) live.add(b);
                int b = live.get(r.nextInt(live.size()));
                s.write(b);
                st = a.step(st, b);
            }
        }
        return out;
    }
}
