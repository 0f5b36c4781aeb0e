package io.genai4j.llm.hub;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Downloads model files from the Hugging Face hub (or anything speaking its API: $HF_ENDPOINT):
 * <pre>
 *   GET {endpoint}/api/models/{repo}/revision/main?blobs=true   → siblings: rfilename, size, lfs.sha256
 *   GET {endpoint}/{repo}/resolve/main/{file}                    (Range: bytes=N- to resume)
 * </pre>
 * A file downloads to {@code file.part}, resumes from it after an interruption, is checked against
 * the hub's SHA-256 (LFS files) or size, and only then renamed into place. $HF_TOKEN is sent as a
 * bearer token.
 */
public final class HubClient {
    /** One file of a repository, as the hub lists it. */
    public record RemoteFile(String name, long size, String sha256) {}

    private final String endpoint;
    private final String token;
    private final HttpClient http;

    public HubClient(String endpoint, String token) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.token = token == null || token.isBlank() ? null : token;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** The client configured like huggingface_hub: $HF_ENDPOINT (default https://huggingface.co) and $HF_TOKEN. */
    public static HubClient fromEnvironment() {
        String e = System.getenv("HF_ENDPOINT");
        return new HubClient(e == null || e.isBlank() ? "https://huggingface.co" : e, System.getenv("HF_TOKEN"));
    }

    /** The files of a repository (main revision). */
    public List<RemoteFile> list(String repo) throws IOException {
        checkRepo(repo);
        URI uri = URI.create(endpoint + "/api/models/" + repo + "/revision/main?blobs=true");
        HttpResponse<byte[]> r = send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray(), repo);
        check(r.statusCode(), repo, null);
        if (!(Json.parse(r.body()) instanceof Map<?, ?> root) || !(root.get("siblings") instanceof List<?> siblings)) {
            throw new IOException("the hub's answer for " + repo + " has no file list (siblings)");
        }
        List<RemoteFile> out = new ArrayList<>();
        for (Object o : siblings) {
            if (!(o instanceof Map<?, ?> s) || !(s.get("rfilename") instanceof String name)) continue;
            long size = s.get("size") instanceof Number n ? n.longValue() : -1;
            String sha = null;
            if (s.get("lfs") instanceof Map<?, ?> lfs) {
                if (lfs.get("sha256") instanceof String h) sha = h;
                if (lfs.get("size") instanceof Number n) size = n.longValue();
            }
            out.add(new RemoteFile(name, size, sha));
        }
        return out;
    }

    /**
     * Downloads one file into dir (which mirrors the repository), resuming a partial download;
     * returns the file. An already complete file with the right size is kept.
     */
    public Path download(String repo, RemoteFile f, Path dir, boolean showProgress) throws IOException {
        Path target = dir.resolve(f.name()).normalize();
        if (!target.startsWith(dir.normalize())) throw new IOException("the hub lists a file outside the repository: " + f.name());
        Files.createDirectories(target.getParent());
        if (Files.isRegularFile(target) && (f.size() < 0 || Files.size(target) == f.size())) return target;
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (f.size() >= 0 && have > f.size()) {
            Files.delete(part);
            have = 0;
        }
        String path = String.join("/", java.util.Arrays.stream(f.name().split("/")).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")).toList());
        HttpRequest.Builder req = request(URI.create(endpoint + "/" + repo + "/resolve/main/" + path)).GET();
        if (have > 0 && (f.size() < 0 || have < f.size())) req.header("Range", "bytes=" + have + "-");
        if (f.size() < 0 || have < f.size()) {
            HttpResponse<InputStream> r = send(req.build(), HttpResponse.BodyHandlers.ofInputStream(), repo);
            try (InputStream in = r.body()) {
                check(r.statusCode(), repo, f.name());
                boolean append = r.statusCode() == 206;
                if (!append) have = 0;   // the server ignored the range: start over
                long total = f.size() >= 0 ? f.size() : r.headers().firstValueAsLong("Content-Length").orElse(-1);
                // Writes of 8 MB: the page cache then keeps the model in 2 MB folios, which a mapping
                // of it uses as huge pages (see io.genai4j.engine.io.HugePages).
                try (OutputStream out = new java.io.BufferedOutputStream(
                        Files.newOutputStream(part, StandardOpenOption.CREATE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING), 8 << 20);
                     Progress bar = showProgress ? new Progress(f.name(), Math.max(total, 1)).rate("MB", 1e-6) : null) {
                    byte[] buf = new byte[1 << 16];
                    long done = have;
                    for (int n; (n = in.read(buf)) > 0; ) {
                        out.write(buf, 0, n);
                        done += n;
                        if (bar != null) bar.update(done, "");
                    }
                } catch (IOException e) {
                    throw new IOException("download of " + f.name() + " was interrupted (" + e.getMessage() + "); run the same command again to resume", e);
                }
            }
        }
        verify(part, f);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Size and SHA-256 against the hub's metadata; a mismatch deletes the partial file. */
    private static void verify(Path part, RemoteFile f) throws IOException {
        long size = Files.size(part);
        if (f.size() >= 0 && size != f.size()) {
            if (size > f.size()) Files.delete(part);
            throw new IOException(f.name() + ": downloaded " + size + " bytes, the hub says " + f.size() + (size < f.size() ? "; run again to resume" : ""));
        }
        if (f.sha256() == null) return;
        String got = sha256(part);
        if (!got.equalsIgnoreCase(f.sha256())) {
            Files.delete(part);
            throw new IOException(f.name() + ": SHA-256 " + got + " does not match the hub's " + f.sha256() + " (corrupted download deleted; run again)");
        }
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).header("User-Agent", "genai4j");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler, String repo) throws IOException {
        try {
            return http.send(req, handler);
        } catch (ConnectException | HttpTimeoutException e) {
            throw new IOException("cannot reach " + endpoint + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); check the network or $HF_ENDPOINT", e);
        } catch (IOException e) {
            throw new IOException("network error talking to " + endpoint + " about " + repo + ": " + e.getMessage(), e);
        } catch (UnresolvedAddressException e) {
            throw new IOException("cannot resolve the host of " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void check(int status, String repo, String file) throws IOException {
        String what = file == null ? repo : repo + "/" + file;
        if (status == 200 || status == 206) return;
        if (status == 401 || status == 403) {
            throw new IOException(what + ": access denied (HTTP " + status + ")" + (token == null ? "; the repository may be gated or private: set HF_TOKEN" : "; is HF_TOKEN allowed to read it?"));
        }
        if (status == 404) throw new IOException(what + ": not found on " + endpoint + " (HTTP 404); check the name");
        if (status == 416) throw new IOException(what + ": the server refused to resume (HTTP 416); delete the .part file and retry");
        throw new IOException(what + ": the hub answered HTTP " + status);
    }

    private static void checkRepo(String repo) {
        if (!repo.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("'" + repo + "' is not a repository name of the form OWNER/REPO");
        }
    }
}
