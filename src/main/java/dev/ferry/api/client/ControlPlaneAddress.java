package dev.ferry.api.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Where the control plane is and how to speak to it: its base URL ({@code http://host:port}, optionally with a path
 * prefix) and the bearer token sent with every request.
 */
public record ControlPlaneAddress(URI base, String token) {

    /** How long one request may take, connecting included. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How long connecting may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public ControlPlaneAddress {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the control plane's token is empty");
        }
    }

    /**
     * Reads {@code text} as an http or https URL with a host.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL (" + e.getReason() + "); give an http://"
                    + " or https:// URL with a host, e.g. http://127.0.0.1:8686");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http:// or https:// URL with a host;"
                    + " give one, e.g. http://127.0.0.1:8686");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' has a query or fragment; give the base URL only");
        }
        return uri;
    }

    /** A request to {@code /v1/sessions/{id}} followed by {@code tail} (empty, or e.g. {@code "/checkpoint"}). */
    HttpRequest.Builder session(String sessionId, String tail) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        URI uri = base.resolve(prefix + "/v1/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8) + tail);
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
