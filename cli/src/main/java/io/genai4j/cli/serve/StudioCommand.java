package io.genai4j.cli.serve;

import io.genai4j.cli.ListenOptions;
import io.genai4j.server.OpenAiServer;
import io.genai4j.server.ServerSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai studio [MODEL]}: the web studio in a browser. With a model it is {@code genai serve
 * MODEL} (the studio is always at {@code /} of a server); without one it serves the studio alone:
 * the lessons run on the bundled models and the chat page says no model is loaded.
 */
@Command(name = "studio", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The web studio: chat with MODEL (when given) and the lessons on the bundled models, at http://HOST:PORT/.",
                "With MODEL, every option of genai serve applies after it."})
public final class StudioCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "A model to chat with (as for genai serve); none: lessons only.") String model;
    @Mixin ListenOptions listen = new ListenOptions(8080);
    @Option(names = "--api-key", defaultValue = "${env:GENAI_API_KEY}",
            description = "Require this key (the page asks for it; default: $GENAI_API_KEY, else none).") String apiKey;
    /** Everything else goes to genai serve, which checks it. */
    @CommandLine.Unmatched List<String> serveOptions = new ArrayList<>();

    /** Counted down to stop serving (by the shutdown hook, or by a test). */
    final CountDownLatch stop = new CountDownLatch(1);
    /** The server behind the studio once listening: this command's, or the serve command's it runs. */
    volatile ServeCommand serving;
    volatile int boundPort = -1;

    @Override
    public Integer call() throws Exception {
        if (model != null) return serve();
        if (!serveOptions.isEmpty()) throw new IllegalArgumentException("options for a model (" + serveOptions.getFirst() + ") need a MODEL");
        PrintStream err = System.err;
        OpenAiServer server = new OpenAiServer(new ServerSettings(listen.host(), listen.port(), apiKey, 1, 0, null), bug -> bug.printStackTrace(err)).start();
        boundPort = server.port();
        err.println("genai studio: open http://" + listen.host() + ":" + server.port() + "/ (no chat model: give one as genai studio MODEL)");
        Thread hook = new Thread(stop::countDown, "genai-studio-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } finally {
            server.shutdown(Duration.ZERO);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has run
            }
        }
        return 0;
    }

    /** {@code genai serve MODEL --host --port [--api-key] SERVE-OPTIONS}, run in this process. */
    private int serve() throws Exception {
        List<String> args = new ArrayList<>(List.of(model, "--host", listen.host(), "--port", Integer.toString(listen.port())));
        if (apiKey != null) args.addAll(List.of("--api-key", apiKey));
        args.addAll(serveOptions);
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs(args.toArray(String[]::new));
        serving = cmd;
        return cmd.call();
    }
}
