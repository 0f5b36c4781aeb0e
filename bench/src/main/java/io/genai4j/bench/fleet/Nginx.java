package io.genai4j.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx in front of the replicas, in the foreground under a temporary prefix: round-robin
 * over them, streaming passed through unbuffered, and a request whose replica refuses to connect
 * or answers 502/503 tried on the next one (a request already streaming when its replica dies is
 * the client's to retry).
 */
public final class Nginx implements AutoCloseable {
    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The nginx binary on the PATH or in /usr/sbin, or null when it is not installed. */
    public static Path binary() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "nginx");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    public static Nginx start(List<Integer> upstreamPorts, Path prefix) throws IOException, InterruptedException {
        Path bin = binary();
        if (bin == null) throw new IllegalStateException("nginx is not installed: run bench/scripts/install-nginx.sh");
        int port = Replica.freePort();
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("tmp"));
        StringBuilder upstream = new StringBuilder();
        for (int p : upstreamPorts) upstream.append("    server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=30s;\n");
        String conf = (System.getProperty("user.name").equals("root") ? "user root;\n" : "") + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp/body;
                  proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  upstream genai {
                %2$s    keepalive 32;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://genai;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_buffering off;
                      proxy_read_timeout 600s;
                      proxy_next_upstream error timeout http_502 http_503;
                      proxy_next_upstream_tries 3;
                    }
                  }
                }
                """.formatted(prefix, upstream, port);
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder(bin.toString(), "-p", prefix.toString(), "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        Nginx n = new Nginx(p, port);
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            if (!p.isAlive()) throw new IllegalStateException("nginx exited: " + Files.readString(prefix.resolve("logs/stdout.log")).strip());
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return n;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        n.close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
