package dev.ferry.tracker.activity;

import java.util.function.Consumer;

/**
 * Where the user's last activity is read, e.g. a Jupyter Server's {@code GET /api/status}. {@link #read} returns at
 * once and calls {@code answered} exactly once, from any thread, within a bounded time.
 */
public interface ActivitySource {

    void read(Consumer<ActivityReading> answered);

    /** Names the source in messages, e.g. its URL. */
    String describe();
}
