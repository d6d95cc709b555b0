package dev.ferry.sim.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The mock server's watch of a watching cache, made to behave as an API server's in the two ways a cache needs.
 *
 * <ul>
 *   <li>A watch from a resourceVersion sends only what changed after it. The stock mock begins every watch with an
 *       ADDED event for each object it holds, in no particular order, whatever version the client asked from: those
 *       it already has (versions up to the one asked from) are left out here, so the client's resourceVersion only
 *       moves forward and a reconnect costs no copy of every Job. (A deletion it cannot replay is answered 410 Gone
 *       before the watch opens; see {@link SimulatedApiServer}.)</li>
 *   <li>Its socket is known while open ({@link Sockets}), so an outage can break it; and the stock listener's end,
 *       which waits for its sender thread to finish, runs on a thread of its own instead of the server's event loop
 *       (which it would stall for up to a minute, failing other requests by timeout), while the server answers no
 *       request: the stock end stops the listener's sender before it takes the listener off the store's list, and
 *       a change made in between was sent to it anyway, which threw out of the request that made it (the change
 *       stored, the client answered with an error, and the watches after it in the list not told). fabric8 closes
 *       each watch every 5 to 10 minutes of real time, so a long run met this; with two watches per server it
 *       showed in the reference migration (one DONE patch of 14,000 answered so, its state never seen written).</li>
 * </ul>
 */
final class CacheWatch extends WebSocketListener {

    /** Where the server keeps the open watches. */
    interface Sockets {
        /** The watch opened; false when it must close at once (the server is down). */
        boolean opened(WebSocket socket);

        void closed(WebSocket socket);

        /** Runs {@code end} while the server answers no request (so changes no object and sends no event). */
        void quietly(Runnable end);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOING_AWAY = "the API server is unreachable (simulated outage)";

    private final WebSocketListener stock;
    private final long from;
    private final Sockets sockets;

    CacheWatch(WebSocketListener stock, long from, Sockets sockets) {
        this.stock = stock;
        this.from = from;
        this.sockets = sockets;
    }

    /** The resourceVersion a watch request asks from, -1 if none (every object then comes as ADDED). */
    static long since(String path) {
        String query = URI.create(path).getRawQuery();
        if (query == null || !query.contains("watch=true")) {
            return -1;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("resourceVersion=") && pair.length() > "resourceVersion=".length()) {
                return Long.parseLong(pair.substring("resourceVersion=".length()));
            }
        }
        return -1;
    }

    @Override
    public void onOpen(WebSocket socket, Response response) {
        if (!sockets.opened(socket)) {
            socket.close(1001, GOING_AWAY);
            return;
        }
        stock.onOpen(new Since(socket), response);
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
        sockets.closed(socket);
        stock.onClosing(socket, code, reason);
    }

    @Override
    public void onClosed(WebSocket socket, int code, String reason) {
        sockets.closed(socket);
        offTheEventLoop(() -> sockets.quietly(() -> stock.onClosed(socket, code, reason)));
    }

    @Override
    public void onFailure(WebSocket socket, Throwable error, Response response) {
        sockets.closed(socket);
        offTheEventLoop(() -> sockets.quietly(() -> stock.onFailure(socket, error, response)));
    }

    private static void offTheEventLoop(Runnable end) {
        Thread t = new Thread(end, "mock-watch-end");
        t.setDaemon(true);
        t.start();
    }

    /** The socket as the stock listener sends through it: ADDED events of objects the client has are dropped. */
    private final class Since implements WebSocket {
        private final WebSocket socket;

        Since(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public RecordedRequest request() {
            return socket.request();
        }

        @Override
        public boolean send(String text) {
            return known(text) || socket.send(text);
        }

        @Override
        public boolean send(byte[] bytes) {
            return socket.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }

        private boolean known(String event) {
            if (from < 0 || !event.contains("\"ADDED\"")) {
                return false;
            }
            try {
                JsonNode tree = JSON.readTree(event);
                String version = tree.path("object").path("metadata").path("resourceVersion").asText("");
                return "ADDED".equals(tree.path("type").asText()) && !version.isEmpty()
                        && Long.parseLong(version) <= from;
            } catch (IOException e) {
                throw new UncheckedIOException("a watch event the mock server sent is not JSON", e);
            }
        }
    }
}
