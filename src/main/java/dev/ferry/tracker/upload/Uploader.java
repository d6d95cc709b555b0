package dev.ferry.tracker.upload;

import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * Keeps the control plane's copy of one session's checkpoint and install sign up to date, beside the tracker:
 * {@link #checkpointWritten} and {@link #operationInProgress} only note what is new and return, so an unreachable
 * or slow control plane never holds up a checkpoint. The file on the home stays the source of truth.
 *
 * <p>At most one request is in flight. The next one is chosen when it ends: an install that began goes first (the
 * barrier must not migrate mid-install), then the newest checkpoint the server lacks (a newer one replaces an older
 * one not yet sent), then the end of an install (after its checkpoint, so the server never sees "no install" beside
 * a stale generation). A 409 means the server holds that generation or newer: it is not sent again. A request that
 * did not get through is retried after an exponential backoff (Retry-After honoured on 429) on the injected timer,
 * spread at random by the injected {@code jitter};
 * a refused token is said once and retried slowly. Entry points, and answers (through {@code callbacks}), run on
 * the timer's thread of control.
 */
public final class Uploader {

    private final Clock clock;
    private final Timer timer;
    private final Executor callbacks;
    private final UploadTransport transport;
    private final RetryPolicy policy;
    private final Consumer<String> warnings;
    private final RandomGenerator jitter;
    private final LongConsumer stored;

    private UploadRequest.Checkpoint newest;
    private long serverGeneration;
    private boolean installWanted;
    private Boolean installOnServer;
    private UploadRequest inFlight;
    private Timer.Scheduled retry;
    private int failures;
    private boolean failureReported;
    private boolean unauthorizedReported;
    private boolean stopped;

    /**
     * @param callbacks runs each answer on the timer's thread of control (the event loop; in tests, directly)
     * @param warnings  hears one line when uploads start failing, when they get through again, and when a request
     *                  is refused for good
     * @param jitter    spreads each retry's wait at random, see {@link RetryPolicy#jittered}
     */
    public Uploader(Clock clock, Timer timer, Executor callbacks, UploadTransport transport, RetryPolicy policy,
                    Consumer<String> warnings, RandomGenerator jitter) {
        this(clock, timer, callbacks, transport, policy, warnings, jitter, generation -> { });
    }

    /**
     * @param stored hears each generation the server answered as stored (or already newer), on the timer's thread
     *               of control
     */
    public Uploader(Clock clock, Timer timer, Executor callbacks, UploadTransport transport, RetryPolicy policy,
                    Consumer<String> warnings, RandomGenerator jitter, LongConsumer stored) {
        this.stored = stored;
        this.jitter = jitter;
        this.clock = clock;
        this.timer = timer;
        this.callbacks = callbacks;
        this.transport = transport;
        this.policy = policy;
        this.warnings = warnings;
    }

    /** A checkpoint landed on the home; it replaces any older one not yet sent. */
    public void checkpointWritten(long generation, String text) {
        if (generation > serverGeneration && (newest == null || generation > newest.generation())) {
            newest = new UploadRequest.Checkpoint(generation, text);
        }
        pump();
    }

    /** The tracker's install sign changed, see {@code Tracker.Listener#operationInProgress}. */
    public void operationInProgress(boolean running) {
        installWanted = running;
        pump();
    }

    /** Sends nothing more; an answer still on its way is ignored. */
    public void stop() {
        stopped = true;
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }

    /** The newest generation the server is known to hold (stored, or answered 409 for); 0 before any. */
    public long serverGeneration() {
        return serverGeneration;
    }

    /** Whether something is waiting to be sent or is on its way. */
    public boolean busy() {
        return inFlight != null || next() != null;
    }

    /** What would be sent now if nothing were in flight; null when the server is up to date. */
    UploadRequest next() {
        if (installWanted && !Boolean.TRUE.equals(installOnServer)) {
            return new UploadRequest.Install(true);
        }
        if (newest != null && newest.generation() > serverGeneration) {
            return newest;
        }
        if (!installWanted && !Boolean.FALSE.equals(installOnServer) && serverGeneration > 0) {
            return new UploadRequest.Install(false);
        }
        return null;
    }

    private void pump() {
        if (stopped || inFlight != null || retry != null) {
            return;
        }
        UploadRequest request = next();
        if (request == null) {
            return;
        }
        inFlight = request;
        transport.send(request, answer -> callbacks.execute(() -> answered(request, answer)));
    }

    private void answered(UploadRequest request, UploadAnswer answer) {
        if (stopped || request != inFlight) {
            return;
        }
        inFlight = null;
        switch (answer.kind()) {
            case STORED, ALREADY_NEWER -> gotThrough(request);
            case REFUSED -> refused(request, answer);
            case UNAUTHORIZED -> unauthorized(answer);
            case OVERLOADED -> failed(answer, policy.overloadedNanos(answer.retryAfterNanos(), failures + 1, jitter));
            case FAILED -> failed(answer, policy.backoffNanos(failures + 1, jitter));
        }
        pump();
    }

    private void gotThrough(UploadRequest request) {
        if (request instanceof UploadRequest.Checkpoint c) {
            serverGeneration = Math.max(serverGeneration, c.generation());
            if (newest != null && newest.generation() <= serverGeneration) {
                newest = null;
            }
            stored.accept(c.generation());
        } else if (request instanceof UploadRequest.Install i) {
            installOnServer = i.inProgress();
        }
        if (failureReported || unauthorizedReported) {
            warnings.accept("control plane " + transport.destination() + " reachable again: " + request
                    + " sent after " + failures + " failed attempt" + (failures == 1 ? "" : "s"));
        }
        failures = 0;
        failureReported = false;
        unauthorizedReported = false;
    }

    /** Never accepted as it is: said, and not sent again (a later checkpoint is a new request). */
    private void refused(UploadRequest request, UploadAnswer answer) {
        warnings.accept("control plane " + transport.destination() + " refused " + request + " (" + answer.detail()
                + "); not sending it again");
        if (request instanceof UploadRequest.Checkpoint c && newest != null && newest.generation() == c.generation()) {
            newest = null;
        } else if (request instanceof UploadRequest.Install i) {
            installOnServer = i.inProgress();
        }
    }

    private void unauthorized(UploadAnswer answer) {
        failures++;
        if (!unauthorizedReported) {
            unauthorizedReported = true;
            warnings.accept("control plane " + transport.destination() + " does not accept the token for this session ("
                    + answer.detail() + "); checkpoints stay on the home; trying again every "
                    + policy.unauthorized().toSeconds() + " s");
        }
        scheduleRetry(policy.unauthorizedNanos(jitter));
    }

    private void failed(UploadAnswer answer, long waitNanos) {
        failures++;
        if (!failureReported) {
            failureReported = true;
            warnings.accept("cannot reach control plane " + transport.destination() + " (" + answer.detail()
                    + "); checkpoints stay on the home and are uploaded when it answers; retrying with backoff up to "
                    + policy.cap().toSeconds() + " s");
        }
        scheduleRetry(waitNanos);
    }

    private void scheduleRetry(long waitNanos) {
        retry = timer.schedule(clock.nanos() + waitNanos, () -> {
            retry = null;
            pump();
        });
    }
}
