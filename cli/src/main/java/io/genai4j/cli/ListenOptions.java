package io.genai4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --host} and {@code --port} of the commands that serve HTTP: this machine only unless told
 * otherwise, and port 0 for any free one (tests use it). Each command gives its default port, e.g.
 * {@code @Mixin ListenOptions listen = new ListenOptions(8080);}.
 */
public final class ListenOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
    String host;
    @Option(names = "--port", description = "Port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    public ListenOptions(int defaultPort) {
        this.port = defaultPort;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
