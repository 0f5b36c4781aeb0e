package io.genai4j.server;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids for completions and tool calls (unguessable, so ids from different replicas never collide). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String random() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
