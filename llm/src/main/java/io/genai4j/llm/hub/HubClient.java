package io.genai4j.llm.hub;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.io.InputStream;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads model files from the Hugging Face hub (or anything speaking its API: $HF_ENDPOINT):
 * <pre>
 *   GET {endpoint}/api/models/{repo}/revision/main?blobs=true   → siblings: rfilename, size, blobId, lfs.sha256
 *   GET {endpoint}/{repo}/resolve/main/{file}                    (Range: bytes=N- to resume)
 * </pre>
 * A file downloads to {@code file.part} (never through a symbolic link), in 2 MB writes so a killed
 * run loses little, and resumes from it. A body that stops arriving times out after the read
 * timeout. The file is checked against the hub's size and digest (SHA-256 of LFS files, the git
 * blob id of small files) and only then renamed into place; a file already in place is checked the
 * same way on every pull. Credentials ($HF_TOKEN, or a password in $HF_ENDPOINT) go to the
 * endpoint's own origin only, and never appear in a message (see {@link HubEndpoint}).
 */
public final class HubClient {
    /** One file of a repository, as the hub lists it; size -1 and null digests when not listed. */
    public record RemoteFile(String name, long size, String sha256, String gitSha1) {
        public RemoteFile(String name, long size, String sha256) {
            this(name, size, sha256, null);
        }

        boolean hasDigest() {
            return sha256 != null || gitSha1 != null;
        }
    }

    /** huggingface_hub's variable for the same timeout, in seconds. */
    public static final String TIMEOUT_ENV = "HF_HUB_DOWNLOAD_TIMEOUT";
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_LISTING = 64 << 20;
    private static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern CONTENT_RANGE_START = Pattern.compile("bytes\\s+(\\d+)-");

    private final HubEndpoint endpoint;
    private final Duration readTimeout;
    private final HttpClient http;

    public HubClient(String endpoint, String token) {
        this(endpoint, token, DEFAULT_READ_TIMEOUT);
    }

    /** readTimeout: how long a response body may send nothing before the download stops (resumable). */
    public HubClient(String endpoint, String token, Duration readTimeout) {
        this.endpoint = new HubEndpoint(endpoint, token);
        this.readTimeout = readTimeout;
        // Redirects are followed by hand, so that credentials never follow them to another host.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /**
     * The client configured like huggingface_hub: $HF_ENDPOINT (default https://huggingface.co),
     * $HF_TOKEN, $HF_HUB_DOWNLOAD_TIMEOUT. As elsewhere in genai4j, -Dgenai.hf.endpoint and
     * -Dgenai.hf.timeout take precedence (the token is read from the environment only).
     */
    public static HubClient fromEnvironment() {
        String e = System.getProperty("genai.hf.endpoint", System.getenv("HF_ENDPOINT"));
        String timeout = System.getProperty("genai.hf.timeout", System.getenv(TIMEOUT_ENV));
        return new HubClient(e == null || e.isBlank() ? "https://huggingface.co" : e, System.getenv("HF_TOKEN"), timeout(timeout));
    }

    static Duration timeout(String seconds) {
        if (seconds == null || seconds.isBlank()) return DEFAULT_READ_TIMEOUT;
        try {
            double s = Double.parseDouble(seconds.strip());
            if (s > 0 && s <= 86_400) return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("$" + TIMEOUT_ENV + " must be a number of seconds (0-86400), not '" + Printable.of(seconds) + "'");
    }

    /** Warnings to show before downloading (credentials over plain http); empty when all is well. */
    public List<String> warnings() {
        return endpoint.warnings();
    }

    /** The files of a repository (main revision). */
    public List<RemoteFile> list(String repo) throws IOException {
        checkRepo(repo);
        URI uri = URI.create(endpoint.base() + "/api/models/" + repo + "/revision/main?blobs=true");
        HttpResponse<InputStream> r = get(uri, null);
        byte[] body;
        try (InputStream in = new StallGuard(r.body(), readTimeout)) {
            check(r.statusCode(), repo, null);
            body = in.readNBytes(MAX_LISTING + 1);
        } catch (StallGuard.StalledException e) {
            throw new IOException("the listing of " + repo + " from " + endpoint.shown() + " stalled (" + e.getMessage() + "); run again", e);
        }
        if (body.length > MAX_LISTING) throw new IOException("the hub's listing of " + repo + " is larger than " + (MAX_LISTING >> 20) + " MB; refusing it");
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (RuntimeException e) {
            throw new IOException("the hub's answer for " + repo + " is not JSON: " + Printable.of(endpoint.scrub(e.getMessage())));
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("siblings") instanceof List<?> siblings)) {
            throw new IOException("the hub's answer for " + repo + " has no file list (siblings)");
        }
        List<RemoteFile> out = new ArrayList<>();
        for (Object o : siblings) {
            if (!(o instanceof Map<?, ?> s) || !(s.get("rfilename") instanceof String name)) continue;
            long size = s.get("size") instanceof Number n ? n.longValue() : -1;
            String sha = null, blob = null;
            if (s.get("lfs") instanceof Map<?, ?> lfs) {
                if (lfs.get("sha256") instanceof String h) sha = h;
                if (lfs.get("size") instanceof Number n) size = n.longValue();
            } else if (s.get("blobId") instanceof String b) {
                blob = b;   // the git blob id: a digest of the content for files stored in git itself
            }
            out.add(new RemoteFile(name, Math.max(size, -1), sha, blob));
        }
        return out;
    }

    /**
     * Downloads one file into dir (which mirrors the repository), resuming a partial download;
     * returns the file. A file already in place is kept when it matches the listing's size and digest.
     * The transfer is reported to {@code listener} (nothing is reported for a file already in place).
     */
    public Path download(String repo, RemoteFile f, Path dir, DownloadListener listener) throws IOException {
        checkRepo(repo);
        Path target = RepoPaths.resolve(dir, f.name());
        String what = repo + "/" + Printable.of(f.name());
        if (f.size() < 0 && !f.hasDigest()) throw new IOException(what + ": the hub lists neither a size nor a digest; refusing to download it unchecked");
        Files.createDirectories(target.getParent());
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Integrity.mismatch(target, f) == null) return target;
        Path part = target.resolveSibling(target.getFileName() + ".part");
        if (Files.exists(part, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(part + " is a symbolic link or not a regular file; refusing to write through it (remove it and run again)");
        }
        long have = Files.exists(part, LinkOption.NOFOLLOW_LINKS) ? Files.size(part) : 0;
        if (f.size() >= 0 && have > f.size()) {
            Files.delete(part);
            have = 0;
        }
        if (f.size() < 0 || have < f.size()) fetch(repo, f, part, have, listener);
        String problem = Integrity.mismatch(part, f);
        if (problem != null) {
            Files.delete(part);
            throw new IOException(what + ": the download " + problem + " (deleted; run again)");
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Fetches the rest of f (from byte have) into part. */
    private void fetch(String repo, RemoteFile f, Path part, long have, DownloadListener listener) throws IOException {
        String what = repo + "/" + Printable.of(f.name());
        String path = String.join("/", Arrays.stream(f.name().split("/")).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")).toList());
        HttpResponse<InputStream> r = get(URI.create(endpoint.base() + "/" + repo + "/resolve/main/" + path), have > 0 ? "bytes=" + have + "-" : null);
        try (InputStream body = new StallGuard(r.body(), readTimeout)) {
            int status = r.statusCode();
            if (status == 416 && have > 0) return;   // nothing left to send: the .part may be complete; the check decides
            check(status, repo, f.name());
            boolean resumed = status == 206;
            long start = rangeStart(r);
            if (resumed && start >= 0 && start != have) {
                throw new IOException(what + ": the server sent another range than asked for (" + Printable.of(r.headers().firstValue("Content-Range").orElse("none"))
                        + "); remove " + part + " and run again");
            }
            if (!resumed) have = 0;   // the server ignored the range: start over
            long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = f.size() >= 0 ? f.size() : length >= 0 ? have + length : -1;
            if (total < 0) throw new IOException(what + ": the hub lists no size and the server sends no Content-Length; refusing an unbounded download");
            if (length >= 0 && have + length != total) {
                throw new IOException(what + ": the server sends " + (have + length) + " bytes, the hub lists " + total + "; run again later");
            }
            copy(body, part, resumed, have, total, what, Printable.of(f.name()), listener);
        }
    }

    /** Appends (or writes) body to part; never more than total bytes in all. */
    private void copy(InputStream body, Path part, boolean append, long have, long total, String what, String file, DownloadListener listener)
            throws IOException {
        long done = have;
        listener.started(file, have, total);
        try (PartFile out = PartFile.open(part, append)) {
            boolean tooLong = false;
            try {
                for (int n; (n = out.readFrom(body)) >= 0; ) {
                    done += n;
                    if (done > total) {
                        tooLong = true;
                        break;
                    }
                    listener.received(done - have);
                }
            } catch (StallGuard.StalledException e) {
                out.flush();   // keep what arrived: the next run resumes after it
                throw new IOException("download of " + what + " stalled (" + e.getMessage() + ") at " + done + " of " + total
                        + " bytes; run the same command again to resume", e);
            } catch (IOException e) {
                out.flush();
                throw new IOException("download of " + what + " was interrupted at " + done + " of " + total + " bytes ("
                        + Printable.of(endpoint.scrub(String.valueOf(e.getMessage()))) + "); run the same command again to resume", e);
            }
            if (tooLong) {
                out.discard();
                throw new IOException(what + ": the server sent more than the " + total + " bytes expected; download discarded, run again");
            }
            out.flush();
        } finally {
            listener.ended();
        }
        if (done < total) throw new IOException("download of " + what + " ended early at " + done + " of " + total + " bytes; run the same command again to resume");
    }

    /** The first byte of a 206 answer ("Content-Range: bytes 100-199/200"), -1 when it does not say. */
    private static long rangeStart(HttpResponse<?> r) {
        String cr = r.headers().firstValue("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE_START.matcher(cr);
        return m.lookingAt() ? Long.parseLong(m.group(1)) : -1;
    }

    /** GET uri, following redirects by hand; credentials only go to the endpoint's own origin. */
    private HttpResponse<InputStream> get(URI uri, String range) throws IOException {
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(headerTimeout()).header("User-Agent", "genai4j").GET();
            endpoint.authorizationFor(uri).ifPresent(a -> b.header("Authorization", a));
            if (range != null) b.header("Range", range);
            HttpResponse<InputStream> r = send(b.build());
            if (!REDIRECTS.contains(r.statusCode())) return r;
            r.body().close();
            String location = r.headers().firstValue("Location").orElse(null);
            if (location == null || hop >= MAX_REDIRECTS) throw new IOException(endpoint.shown() + " redirected too often, or without a Location");
            URI next;
            try {
                next = uri.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new IOException(endpoint.shown() + " redirected to a bad URL: " + Printable.of(endpoint.scrub(location)));
            }
            if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                throw new IOException(endpoint.shown() + " redirected to a non-HTTP URL: " + Printable.of(endpoint.scrub(location)));
            }
            uri = next;
        }
    }

    /** How long to wait for the answer's headers: the read timeout, but never less than 10 s. */
    private Duration headerTimeout() {
        Duration min = Duration.ofSeconds(10);
        return readTimeout.compareTo(min) > 0 ? readTimeout : min;
    }

    private HttpResponse<InputStream> send(HttpRequest req) throws IOException {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new IOException("cannot reach " + endpoint.shown() + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + scrubbed(e))
                    + "); check the network or $HF_ENDPOINT", e);
        } catch (IOException e) {
            throw new IOException("network error talking to " + endpoint.shown() + ": " + scrubbed(e), e);
        } catch (UnresolvedAddressException e) {
            throw new IOException("cannot resolve the host of " + endpoint.shown(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot request " + Printable.of(endpoint.scrub(req.uri().toString())) + ": " + scrubbed(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String scrubbed(Exception e) {
        return Printable.of(endpoint.scrub(String.valueOf(e.getMessage())));
    }

    private void check(int status, String repo, String file) throws IOException {
        String what = file == null ? repo : repo + "/" + Printable.of(file);
        if (status == 200 || status == 206) return;
        if (status == 401 || status == 403) {
            throw new IOException(what + ": access denied (HTTP " + status + ")" + (endpoint.hasToken() ? "; is HF_TOKEN allowed to read it?" : "; the repository may be gated or private: set HF_TOKEN"));
        }
        if (status == 404) throw new IOException(what + ": not found on " + endpoint.shown() + " (HTTP 404); check the name");
        if (status == 416) throw new IOException(what + ": the server refused to resume (HTTP 416); delete the .part file and retry");
        throw new IOException(what + ": the hub answered HTTP " + status);
    }

    /** True for OWNER/REPO as the hub spells them: letters, digits, '.', '_', '-', no "..". */
    public static boolean isRepoName(String repo) {
        return repo.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*") && !repo.contains("..");
    }

    private static void checkRepo(String repo) {
        if (!isRepoName(repo)) throw new IllegalArgumentException("'" + Printable.of(repo) + "' is not a repository name of the form OWNER/REPO");
    }
}
