package dev.ferry.tracker.upload;

import java.util.function.Consumer;

/**
 * Sends one request to the control plane for this tracker's session. {@link #send} must return at once, without
 * waiting on the network, and must call {@code answered} exactly once, from any thread, within a bounded time (a
 * request that times out is {@link UploadAnswer.Kind#FAILED}).
 */
public interface UploadTransport {

    void send(UploadRequest request, Consumer<UploadAnswer> answered);

    /** Where requests go, for messages. */
    String destination();
}
