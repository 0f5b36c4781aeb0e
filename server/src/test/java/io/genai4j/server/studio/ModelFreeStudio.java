package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.server.OpenAiServer;
import io.genai4j.server.ServerSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A studio page test's server: one per test class, without a chat model (the lessons and the RAG
 * playground use the bundled models), failing the class when the server reported a bug.
 */
abstract class ModelFreeStudio {
    static final List<Throwable> BUGS = new CopyOnWriteArrayList<>();
    static OpenAiServer server;

    @BeforeAll
    static void startServer() {
        BUGS.clear();
        server = new OpenAiServer(ServerSettings.local(0, 1), BUGS::add).start();
    }

    @AfterAll
    static void stopServer() {
        server.shutdown(Duration.ZERO);
        assertEquals(List.of(), BUGS, "server bugs");
    }

    /** The studio's page on {@code hash} (#lessons, #rag, ...). */
    static String page(String hash) {
        return "http://127.0.0.1:" + server.port() + "/#" + hash;
    }
}
