package dev.ferry.sim.kube.transport;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.StandardHttpClient;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.fabric8.kubernetes.client.http.StandardWebSocketBuilder;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketResponse;
import io.fabric8.kubernetes.client.http.WebSocketUpgradeResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fabric8 HTTP client whose every request a {@link Dispatcher} answers on the calling thread: the request as the
 * mock server's HTTP listener would have recorded it, the answer handed back whole. A watch's upgrade opens an
 * {@link InProcessWebSocket} between the client's listener and the dispatcher's; an answer that does not upgrade
 * fails the handshake with its status, as over HTTP, so a watch reconnects or relists as it would.
 */
public final class InProcessHttpClient extends
        StandardHttpClient<InProcessHttpClient, InProcessHttpClientFactory, InProcessHttpClientBuilder> {

    private final Dispatcher dispatcher;

    InProcessHttpClient(InProcessHttpClientBuilder builder, AtomicBoolean closed, Dispatcher dispatcher) {
        super(builder, closed);
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<HttpResponse<AsyncBody>> consumeBytesDirect(StandardHttpRequest request,
            AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        MockResponse answer;
        try {
            answer = dispatch(RecordedRequests.of(request, false), request.method() + " " + request.uri().getPath());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes();
        return CompletableFuture.completedFuture(new InProcessResponse(request, answer.code(),
                answer.getHeaders().toMultimap(), new WholeBody(body, consumer)));
    }

    @Override
    public CompletableFuture<WebSocketResponse> buildWebSocketDirect(StandardWebSocketBuilder builder,
            WebSocket.Listener listener) {
        StandardHttpRequest request = builder.asHttpRequest();
        RecordedRequest recorded = RecordedRequests.of(request, true);
        MockResponse answer;
        try {
            answer = dispatch(recorded, "the watch " + request.uri().getPath());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        WebSocketListener server = answer.getWebSocketListener();
        if (server == null) {
            WebSocketUpgradeResponse refused = new WebSocketUpgradeResponse(request, answer.code(),
                    answer.getHeaders().toMultimap());
            return CompletableFuture.completedFuture(new WebSocketResponse(refused,
                    new IOException("the API server answered " + answer.code() + " instead of opening the watch")));
        }
        InProcessWebSocket socket = new InProcessWebSocket(recorded, answer, server, listener);
        socket.open();
        return CompletableFuture.completedFuture(new WebSocketResponse(new WebSocketUpgradeResponse(request), socket));
    }

    /** The dispatcher's answer to {@code recorded}; its failure as the I/O error a broken server would be. */
    private MockResponse dispatch(RecordedRequest recorded, String what) throws IOException {
        try {
            return dispatcher.dispatch(recorded);
        } catch (RuntimeException e) {
            throw new IOException("the in-process API server failed on " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void doClose() {
        // nothing held: no connections, no threads
    }
}
