package dev.ferry.sim.kube.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the in-process WebSocket: frames in order and on demand, and the close handshake of the protocol")
class InProcessWebSocketTest {

    /** What each end heard, in order, in one list. */
    private final List<String> heard = new ArrayList<>();
    private io.fabric8.mockwebserver.http.WebSocket serverEnd;

    private final WebSocketListener server = new WebSocketListener() {
        @Override
        public void onOpen(io.fabric8.mockwebserver.http.WebSocket socket, Response response) {
            serverEnd = socket;
            heard.add("server open");
        }

        @Override
        public void onMessage(io.fabric8.mockwebserver.http.WebSocket socket, String text) {
            heard.add("server got " + text);
        }

        @Override
        public void onClosing(io.fabric8.mockwebserver.http.WebSocket socket, int code, String reason) {
            heard.add("server closing " + code);
        }

        @Override
        public void onClosed(io.fabric8.mockwebserver.http.WebSocket socket, int code, String reason) {
            heard.add("server closed " + code);
        }
    };

    /** A client that asks for the next frame only when told to, and answers a close with its own. */
    private final class Client implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket socket) {
            heard.add("client open");
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            heard.add("client got " + text);
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason) {
            heard.add("client closed " + code + " " + reason);
            socket.sendClose(code, reason);
        }
    }

    private InProcessWebSocket open() {
        RecordedRequest request = new RecordedRequest("HTTP/1.1", HttpMethod.GET, "/watch", Headers.builder().build(),
                new Buffer());
        InProcessWebSocket socket = new InProcessWebSocket(request, new MockResponse(), server, new Client());
        socket.open();
        return socket;
    }

    @Test
    @DisplayName("the first frame goes at once, each next one only when the client asks for it")
    void framesOnDemand() {
        InProcessWebSocket socket = open();
        serverEnd.send("a");
        serverEnd.send("b");
        serverEnd.send("c");
        assertThat(heard).containsExactly("server open", "client open", "client got a");

        socket.request();
        assertThat(heard).endsWith("client got b");
        socket.request();
        socket.request();
        assertThat(heard).endsWith("client got c");
        serverEnd.send("d"); // asked for already
        assertThat(heard).endsWith("client got d");
    }

    @Test
    @DisplayName("a server's close reaches the client after the frames sent before it; the client's reply ends it")
    void serverCloses() {
        InProcessWebSocket socket = open();
        serverEnd.send("a");
        serverEnd.send("b");
        assertThat(serverEnd.close(1001, "going away")).isTrue();
        assertThat(serverEnd.send("late")).isFalse();
        assertThat(heard).containsExactly("server open", "client open", "client got a");

        socket.request();
        assertThat(heard).containsExactly("server open", "client open", "client got a", "client got b",
                "client closed 1001 going away", "server closed 1001");
        assertThat(serverEnd.close(1001, "again")).isFalse();
    }

    @Test
    @DisplayName("a client's close tells the server, whose close in reply reaches the client and ends it")
    void clientCloses() {
        InProcessWebSocket socket = open();
        assertThat(socket.sendClose(1000, "done")).isTrue();
        assertThat(socket.sendClose(1000, "done")).isFalse();
        assertThat(socket.send(java.nio.ByteBuffer.wrap(new byte[] {1}))).isFalse();
        assertThat(heard).endsWith("server closing 1000");

        serverEnd.close(1000, "done");
        assertThat(heard).containsExactly("server open", "client open", "server closing 1000",
                "client closed 1000 done", "server closed 1000");
    }

    @Test
    @DisplayName("what the client sends reaches the server's listener")
    void clientSends() {
        InProcessWebSocket socket = open();
        socket.send(java.nio.ByteBuffer.wrap("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(heard).endsWith("server got hello");
    }
}
