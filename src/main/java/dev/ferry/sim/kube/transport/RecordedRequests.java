package dev.ferry.sim.kube.transport;

import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A fabric8 client's request as the mock server's HTTP listener records it: method, path and query, headers, body. */
final class RecordedRequests {

    private RecordedRequests() {
    }

    /** {@code request} as recorded; {@code upgrade} adds the headers of a WebSocket handshake. */
    static RecordedRequest of(StandardHttpRequest request, boolean upgrade) {
        URI uri = request.uri();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Headers.Builder headers = Headers.builder();
        boolean hasContentType = false;
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            hasContentType |= StandardHttpRequest.CONTENT_TYPE.equalsIgnoreCase(h.getKey());
            for (String value : h.getValue()) {
                headers.add(h.getKey(), value);
            }
        }
        if (!hasContentType && request.getContentType() != null) {
            headers.add(StandardHttpRequest.CONTENT_TYPE, request.getContentType());
        }
        if (upgrade) {
            headers.add("Connection", "Upgrade");
            headers.add("Upgrade", "websocket");
        }
        String method = upgrade ? "GET" : request.method();
        return new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method), path, headers.build(),
                new Buffer(body(request.body())));
    }

    private static byte[] body(StandardHttpRequest.BodyContent content) {
        if (content == null) {
            return new byte[0];
        }
        if (content instanceof StandardHttpRequest.StringBodyContent s) {
            return s.getContent().getBytes(StandardCharsets.UTF_8);
        }
        if (content instanceof StandardHttpRequest.ByteArrayBodyContent b) {
            return b.getContent();
        }
        if (content instanceof StandardHttpRequest.InputStreamBodyContent i) {
            try (InputStream in = i.getContent()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a request body to hand to the in-process API server", e);
            }
        }
        throw new IllegalArgumentException("a request body of an unknown kind: " + content.getClass().getName());
    }
}
