package dev.ferry.sim.kube.transport;

import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A watch's WebSocket in memory: the client's end (this) and the dispatcher's end ({@link ServerEnd}), joined.
 *
 * <ul>
 *   <li>What the server sends reaches the client's listener in order and only as the client asks for more
 *       ({@link #request()}), as fabric8's transports deliver frames: one at a time, the next once the last is
 *       handled. It is delivered on whichever thread finds it deliverable (the server's sender, or the client's
 *       thread that asked for more), never two at once.</li>
 *   <li>Closing is the protocol's handshake: the side that closes first tells the other (the server's
 *       {@code onClosing}, the client's {@code onClose} after every message sent before it), and once both have
 *       sent their close the server's listener hears {@code onClosed}.</li>
 * </ul>
 */
final class InProcessWebSocket implements WebSocket {

    private final RecordedRequest request;
    private final MockResponse answer;
    private final WebSocketListener server;
    private final Listener client;
    private final ServerEnd serverEnd = new ServerEnd();
    /** What is still to reach the client's listener, oldest first: messages, then at most one close. */
    private final Queue<Runnable> toClient = new ArrayDeque<>();
    private boolean open;
    private long demand;
    private boolean delivering;
    private boolean clientSentClose;
    private boolean serverSentClose;
    private boolean ended;

    InProcessWebSocket(RecordedRequest request, MockResponse answer, WebSocketListener server, Listener client) {
        this.request = request;
        this.answer = answer;
        this.server = server;
        this.client = client;
    }

    /** The handshake's end: the server's listener is told, then the client's, which may then receive. */
    void open() {
        server.onBeforeAccept(serverEnd, answer);
        server.onOpen(serverEnd, answer);
        synchronized (this) {
            open = true;
            demand = 1;
        }
        client.onOpen(this);
        deliver();
    }

    @Override
    public boolean send(ByteBuffer buffer) {
        synchronized (this) {
            if (clientSentClose) {
                return false;
            }
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        server.onMessage(serverEnd, bytes);
        return true;
    }

    @Override
    public boolean sendClose(int code, String reason) {
        boolean reply;
        synchronized (this) {
            if (clientSentClose) {
                return false;
            }
            clientSentClose = true;
            reply = serverSentClose;
        }
        if (reply) {
            end(code, reason);
        } else {
            server.onClosing(serverEnd, code, reason);
        }
        return true;
    }

    @Override
    public long queueSize() {
        return 0;
    }

    @Override
    public void request() {
        synchronized (this) {
            demand++;
        }
        deliver();
    }

    /** Hands the client what it may have now, one thing at a time; a thread that finds another handing over leaves. */
    private void deliver() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (delivering || !open || toClient.isEmpty()) {
                    return;
                }
                // after the server's close nothing more is queued, so its close is the last thing queued
                boolean isClose = serverSentClose && toClient.size() == 1;
                if (!isClose && demand == 0) {
                    return;
                }
                if (!isClose) {
                    demand--;
                }
                next = toClient.poll();
                delivering = true;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                client.onError(this, e);
            } finally {
                synchronized (this) {
                    delivering = false;
                }
            }
        }
    }

    private void end(int code, String reason) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        server.onClosed(serverEnd, code, reason);
    }

    /** The dispatcher's end of the socket. */
    private final class ServerEnd implements io.fabric8.mockwebserver.http.WebSocket {

        @Override
        public RecordedRequest request() {
            return request;
        }

        @Override
        public boolean send(String text) {
            return queue(() -> client.onMessage(InProcessWebSocket.this, text));
        }

        @Override
        public boolean send(byte[] bytes) {
            return queue(() -> client.onMessage(InProcessWebSocket.this, ByteBuffer.wrap(bytes)));
        }

        /** Queues a message for the client; false once the server has sent its close. */
        private boolean queue(Runnable message) {
            synchronized (InProcessWebSocket.this) {
                if (serverSentClose) {
                    return false;
                }
                toClient.add(message);
            }
            deliver();
            return true;
        }

        @Override
        public boolean close(int code, String reason) {
            synchronized (InProcessWebSocket.this) {
                if (serverSentClose) {
                    return false;
                }
                serverSentClose = true;
                toClient.add(() -> {
                    boolean reply;
                    synchronized (InProcessWebSocket.this) {
                        reply = clientSentClose;
                    }
                    client.onClose(InProcessWebSocket.this, code, reason);
                    if (reply) {
                        end(code, reason);
                    }
                });
            }
            deliver();
            return true;
        }
    }
}
