package dev.ferry.sim.kube.transport;

import io.fabric8.kubernetes.client.http.AsyncBody;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A response body that is all there already: the first {@link #consume()} hands it to the consumer in one piece
 * and ends the body, as a stream whose only chunk is also its last.
 */
final class WholeBody implements AsyncBody {

    private final byte[] bytes;
    private final AsyncBody.Consumer<List<ByteBuffer>> consumer;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean handedOver;

    WholeBody(byte[] bytes, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        this.bytes = bytes;
        this.consumer = consumer;
    }

    @Override
    public void consume() {
        synchronized (this) {
            if (handedOver || done.isDone()) {
                return;
            }
            handedOver = true;
        }
        try {
            if (bytes.length > 0) {
                consumer.consume(List.of(ByteBuffer.wrap(bytes)), this);
            }
            done.complete(null);
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void cancel() {
        done.cancel(false);
    }
}
