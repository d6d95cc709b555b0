package dev.ferry.tracker.activity;

import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reads the user's last activity from the notebook server every {@code everyNanos} and forwards it to the control
 * plane, only ever forward in time: a reading older than one already forwarded is dropped (a restarted notebook
 * server starts its clock of activity anew), and the same time is not sent twice, except once after each checkpoint
 * upload ({@link #checkpointUploaded}), which confirms to the control plane that its latest activity is as current
 * as the checkpoint the barrier compares it with.
 *
 * <p>At most one read and one send are in flight. A send that fails is tried again after the next read. The error
 * warnings say once when reading or forwarding starts failing and once when it works again. Entry points and
 * answers (through {@code callbacks}) run on the timer's thread of control.
 */
public final class ActivityRelay {

    private final Clock clock;
    private final Timer timer;
    private final Executor callbacks;
    private final ActivitySource source;
    private final ActivitySink sink;
    private final long everyNanos;
    private final Consumer<String> warnings;

    private long newestSeen = Long.MIN_VALUE;
    private long forwarded = Long.MIN_VALUE;
    private boolean confirmWanted;
    private boolean reading;
    private boolean sending;
    private boolean stopped;
    private boolean readFailing;
    private boolean sendFailing;
    private Timer.Scheduled next;

    /**
     * @param everyNanos how often the source is read
     * @param warnings   hears one line when reading or forwarding starts failing and when it works again
     */
    public ActivityRelay(Clock clock, Timer timer, Executor callbacks, ActivitySource source, ActivitySink sink,
            long everyNanos, Consumer<String> warnings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        if (everyNanos <= 0) {
            throw new IllegalArgumentException("the reading period must be more than 0 ns, found " + everyNanos);
        }
        this.everyNanos = everyNanos;
    }

    /** Reads the source now, and then every period. */
    public void start() {
        read();
    }

    /** A checkpoint reached the control plane: the latest activity is sent once more, as confirmation. */
    public void checkpointUploaded() {
        if (forwarded != Long.MIN_VALUE || newestSeen != Long.MIN_VALUE) {
            confirmWanted = true;
            pump();
        }
    }

    /** Reads and sends nothing more; answers still on their way are ignored. */
    public void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** The newest activity time the control plane accepted; {@code Long.MIN_VALUE} before any. */
    public long forwardedEpochMillis() {
        return forwarded;
    }

    private void read() {
        next = null;
        if (stopped || reading) {
            return;
        }
        reading = true;
        source.read(reading -> callbacks.execute(() -> readingArrived(reading)));
    }

    private void readingArrived(ActivityReading reading) {
        this.reading = false;
        if (stopped) {
            return;
        }
        if (reading instanceof ActivityReading.Seen seen) {
            if (readFailing) {
                readFailing = false;
                warnings.accept("reading activity from " + source.describe() + " works again");
            }
            newestSeen = Math.max(newestSeen, seen.epochMillis());
        } else if (!readFailing) {
            readFailing = true;
            warnings.accept("cannot read activity from " + source.describe() + " ("
                    + ((ActivityReading.Failed) reading).detail() + "); trying again every period");
        }
        pump();
        next = timer.schedule(clock.nanos() + everyNanos, this::read);
    }

    private void pump() {
        if (stopped || sending || newestSeen == Long.MIN_VALUE) {
            return;
        }
        boolean newer = newestSeen > forwarded;
        if (!newer && !confirmWanted) {
            return;
        }
        long time = newer ? newestSeen : forwarded;
        boolean confirming = !newer;
        confirmWanted = false;
        sending = true;
        sink.send(time, answer -> callbacks.execute(() -> sent(time, confirming, answer)));
    }

    private void sent(long time, boolean confirming, Optional<String> refusal) {
        sending = false;
        if (stopped) {
            return;
        }
        if (refusal.isEmpty()) {
            forwarded = Math.max(forwarded, time);
            if (sendFailing) {
                sendFailing = false;
                warnings.accept("forwarding activity to " + sink.describe() + " works again");
            }
            pump(); // a newer reading or a confirmation may have come in meanwhile
            return;
        }
        if (confirming) {
            confirmWanted = true; // tried again after the next reading
        }
        if (!sendFailing) {
            sendFailing = true;
            warnings.accept("cannot forward activity to " + sink.describe() + " (" + refusal.get()
                    + "); trying again after the next reading");
        }
    }
}
