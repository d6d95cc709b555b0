package dev.ferry.api.http;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second of a no-op endpoint on each candidate server library, driven in the same JVM by closed-loop
 * clients on keep-alive connections (one request at a time each, as a tracker sends). Run with
 * {@code java -cp target/test-classes:target/classes:target/lib/* dev.ferry.api.http.NoopThroughput vertx|jdk
 * [CONNECTIONS] [SECONDS]}.
 */
public final class NoopThroughput {

    private static final byte[] REQUEST = "GET /noop HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private NoopThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String which = args[0];
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int cores = Runtime.getRuntime().availableProcessors();
        AutoCloseable server;
        int port;
        if (which.equals("vertx")) {
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(cores));
            int p = new java.net.ServerSocket(0).getLocalPort();
            for (int i = 0; i < cores; i++) {
                vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(p))
                        .requestHandler(r -> r.response().putHeader("Content-Type", "application/json").end("{}"))
                        .listen().toCompletionStage().toCompletableFuture().get();
            }
            port = p;
            server = () -> vertx.close().toCompletionStage().toCompletableFuture().get();
        } else {
            HttpServer jdk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            ExecutorService pool = Executors.newFixedThreadPool(2 * cores);
            jdk.setExecutor(pool);
            jdk.createContext("/noop", ex -> {
                byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            jdk.start();
            port = jdk.getAddress().getPort();
            server = () -> {
                jdk.stop(0);
                pool.shutdownNow();
            };
        }
        LongAdder done = new LongAdder();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> drive(port, done, measuring, stop));
            t.setDaemon(true);
            t.start();
            clients.add(t);
        }
        Thread.sleep(3_000); // warm-up
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        long count = done.sum();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        System.out.printf("%s: %.0f requests/s over %d keep-alive connections, %d s, %d cores%n", which,
                count / elapsed, connections, seconds, cores);
        server.close();
        for (Thread t : clients) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private static void drive(int port, LongAdder done, AtomicBoolean measuring, AtomicBoolean stop) {
        byte[] buffer = new byte[4096];
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            while (!stop.get()) {
                out.write(REQUEST);
                readResponse(in, buffer);
                if (measuring.get()) {
                    done.increment();
                }
            }
        } catch (java.io.IOException e) {
            // the server stopped
        }
    }

    /** Reads one response with a Content-Length body of "{}" (2 bytes): headers to the blank line, then the body. */
    private static void readResponse(InputStream in, byte[] buffer) throws java.io.IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException();
            }
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        in.readNBytes(buffer, 0, 2);
    }
}
