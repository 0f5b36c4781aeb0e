package io.genai4j.text.prim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
    @Test
    void agreesWithHashMapUnderRandomOperations() {
        SplittableRandom r = new SplittableRandom(1);
        LongIntMap m = new LongIntMap(2);
        Map<Long, Integer> ref = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = r.nextInt(3) == 0 ? r.nextLong() : r.nextLong(5000) << 32; // clustered keys stress the hash
            int value = r.nextInt(1_000_000);
            if (r.nextBoolean()) {
                m.put(key, value);
                ref.put(key, value);
            } else {
                Integer expected = ref.putIfAbsent(key, value);
                assertEquals(expected == null ? LongIntMap.ABSENT : expected, m.putIfAbsent(key, value));
            }
            long probe = r.nextLong(5000) << 32;
            assertEquals(ref.getOrDefault(probe, LongIntMap.ABSENT), m.get(probe));
        }
        assertEquals(ref.size(), m.size());
        for (Map.Entry<Long, Integer> e : ref.entrySet()) assertEquals(e.getValue(), m.get(e.getKey()));
    }
}
