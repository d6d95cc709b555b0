package dev.ferry.sim.kube;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * A watch asked from a resourceVersion the server can no longer replay, answered as a Kubernetes API server does:
 * the watch opens, its one event is an {@code ERROR} carrying a 410 Expired Status, and it closes. A client then
 * lists anew (fabric8's informers do). Refusing the handshake with 410 instead, as this server once did, is not what
 * a client is built for: fabric8 retries such a watch from the same version for ever.
 */
final class ExpiredWatch extends WebSocketListener {

    private final long from;

    ExpiredWatch(long from) {
        this.from = from;
    }

    @Override
    public void onOpen(WebSocket socket, Response response) {
        socket.send("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"status\":\"Failure\",\"message\":\"too old resource version: " + from + "\","
                + "\"reason\":\"Expired\",\"code\":410}}");
        socket.close(1000, "the watch's resourceVersion has expired");
    }
}
