package io.genai4j.llm.hub;

import io.genai4j.engine.util.Printable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hub's address and the credentials that go with it, kept apart so that no secret reaches a
 * message or a foreign host. A password in the endpoint ({@code https://user:pass@mirror}) becomes
 * a Basic header and is shown as {@code user:***}; $HF_TOKEN becomes a Bearer header. Credentials are
 * sent to the endpoint's own origin (scheme, host, port) only, never to a host a redirect points at,
 * and {@link #warnings()} says when they would cross the network in clear text (plain http).
 */
final class HubEndpoint {
    private final URI base;            // without user info and without a trailing slash
    private final String shown;        // base with the user name and "***" for the password
    private final String authorization;   // the header value, or null
    private final List<String> secrets = new ArrayList<>();

    HubEndpoint(String endpoint, String token) {
        String e = endpoint.strip();
        while (e.endsWith("/")) e = e.substring(0, e.length() - 1);
        URI uri;
        try {
            uri = new URI(e);
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException("$HF_ENDPOINT is not a URL: " + Printable.of(redactUserInfo(e)));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("$HF_ENDPOINT must be an http:// or https:// URL with a host, not " + Printable.of(redactUserInfo(e)));
        }
        String userInfo = uri.getRawUserInfo();
        try {
            base = new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException("$HF_ENDPOINT is not a URL: " + Printable.of(redactUserInfo(e)));
        }
        String t = token == null || token.isBlank() ? null : token.strip();
        if (t != null) {
            secrets.add(t);
            authorization = "Bearer " + t;
        } else if (userInfo != null) {
            String plain = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            authorization = "Basic " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String secret = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;   // https://TOKEN@host: the user is the secret
            secrets.add(secret);
            secrets.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        }
        secrets.removeIf(String::isEmpty);
        shown = redactUserInfo(e);
    }

    /** The endpoint without credentials, e.g. https://huggingface.co. */
    URI base() {
        return base;
    }

    /** The endpoint as messages show it: any password replaced by ***. */
    String shown() {
        return Printable.of(shown);
    }

    boolean hasToken() {
        return authorization != null && authorization.startsWith("Bearer ");
    }

    /** The Authorization header for a request to uri: only on the endpoint's own origin. */
    Optional<String> authorizationFor(URI uri) {
        return authorization != null && sameOrigin(base, uri) ? Optional.of(authorization) : Optional.empty();
    }

    /** What the user should know before anything is sent: credentials over plain http. */
    List<String> warnings() {
        if (authorization == null || !base.getScheme().equals("http")) return List.of();
        String what = hasToken() ? "$HF_TOKEN" : "the password in $HF_ENDPOINT";
        return List.of("warning: " + what + " is sent in clear text to " + shown() + " (plain http); use an https:// endpoint");
    }

    /** text with every credential replaced by ***: for messages that quote what a server or the JDK said. */
    String scrub(String text) {
        if (text == null) return null;
        String s = text;
        for (String secret : secrets) s = s.replace(secret, "***");
        return s;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * scheme://user:pass@host... → scheme://user:***@host..., scheme://secret@host → scheme://***@host
     * (the text is not parsed as a URI: it may be malformed).
     */
    static String redactUserInfo(String url) {
        int scheme = url.indexOf("://");
        int from = scheme < 0 ? 0 : scheme + 3;
        int slash = url.indexOf('/', from);
        int end = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', end - 1);
        if (at < from) return url;
        String user = url.substring(from, at);
        int colon = user.indexOf(':');
        String kept = colon < 0 ? "***" : user.substring(0, colon) + ":***";
        return url.substring(0, from) + kept + url.substring(at);
    }
}
