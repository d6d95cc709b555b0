package dev.ferry.tracker.activity;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where activity is forwarded, e.g. the control plane's {@code POST /v1/sessions/{id}/activity}. {@link #send}
 * returns at once and calls {@code answered} exactly once, from any thread, within a bounded time: empty when the
 * time was accepted, otherwise why not.
 */
public interface ActivitySink {

    void send(long epochMillis, Consumer<Optional<String>> answered);

    /** Names the sink in messages, e.g. its URL. */
    String describe();
}
