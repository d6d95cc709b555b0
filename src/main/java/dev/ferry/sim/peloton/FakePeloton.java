package dev.ferry.sim.peloton;

import dev.ferry.cluster.peloton.JobQuery;
import dev.ferry.cluster.peloton.PelotonClient;
import dev.ferry.cluster.peloton.PelotonException;
import dev.ferry.cluster.peloton.Resources;
import dev.ferry.cluster.peloton.SessionJob;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.cluster.peloton.TaskStatus;
import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Peloton for the simulation, on the virtual time of the {@link Clock} and {@link Timer} it is given.
 * Each session is a stateless job with one task. {@link #stopJob} moves a RUNNING task to KILLING at
 * once and to KILLED after {@link Config#killingToKilled()}; {@link #startJob} moves an ended task to
 * PENDING at once (a new run), then LAUNCHED, STARTING and RUNNING after the configured latencies.
 * Peloton's placement sub-states (READY, PLACING, PLACED, LAUNCHING) are folded into
 * PENDING → LAUNCHED. A task that fails or is lost ({@link #failTask}) while it should run is
 * relaunched at once, as Peloton does for stateless jobs.
 *
 * <p>Every API call first draws from the random generator against the API failure rate (when it is
 * above zero) and, on a hit, fails with a retryable UNAVAILABLE and no effect. Latencies are drawn
 * when a step is scheduled, so a run is fully determined by the seed and the order of calls.
 * Harness-side methods ({@link #register}, {@link #peek}, {@link #setLastActivity}, ...) never fail.
 * Single-threaded: call it only from the timer's thread of control.
 */
public final class FakePeloton implements PelotonClient {

    /** Told about every task state change, in order, at the virtual time it happens. */
    @FunctionalInterface
    public interface TransitionListener {
        void onTransition(TaskTransition transition);
    }

    private final Clock clock;
    private final Timer timer;
    private final RandomGenerator random;
    private final FakePelotonConfig config;
    private final Map<String, PelotonTask> jobs = new LinkedHashMap<>();
    private final List<TransitionListener> listeners = new ArrayList<>();
    private final ArrayDeque<TaskTransition> outbox = new ArrayDeque<>();
    private boolean delivering;
    private double apiFailureRate;
    private long apiCalls;
    private long injectedFailures;

    public FakePeloton(Clock clock, Timer timer, RandomGenerator random, FakePelotonConfig config) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.random = Objects.requireNonNull(random, "random");
        this.config = Objects.requireNonNull(config, "config");
        this.apiFailureRate = config.apiFailureRate();
    }

    // ---- the API ----

    @Override
    public List<SessionJob> queryJobs(JobQuery query) throws PelotonException {
        Objects.requireNonNull(query, "query");
        call("QueryJobs", null);
        List<SessionJob> out = new ArrayList<>();
        for (PelotonTask job : jobs.values()) {
            SessionJob view = job.view();
            if (query.matches(view)) {
                out.add(view);
            }
        }
        return out;
    }

    @Override
    public Optional<SessionJob> getJob(String jobId) throws PelotonException {
        call("GetJob", jobId);
        PelotonTask job = jobs.get(jobId);
        return job == null ? Optional.empty() : Optional.of(job.view());
    }

    @Override
    public void stopJob(String jobId) throws PelotonException {
        call("StopJob", jobId);
        PelotonTask job = existing("StopJob", jobId);
        job.desired = TaskState.KILLED;
        if (job.state == TaskState.KILLING || job.state.isTerminal()) {
            return;
        }
        cancelPending(job);
        enter(job, TaskState.KILLING, "kill requested");
    }

    @Override
    public void startJob(String jobId) throws PelotonException {
        call("StartJob", jobId);
        PelotonTask job = existing("StartJob", jobId);
        if (job.state.isStarting() && job.desired == TaskState.RUNNING) {
            return;
        }
        if (!job.state.isTerminal() || job.state == TaskState.DELETED) {
            throw new PelotonException(PelotonException.Code.FAILED_PRECONDITION, jobId,
                    "StartJob refused: the task is " + (job.state.isRunning() ? "already " : "") + job.state
                            + " (run " + job.runId + "); only a stopped job"
                            + " (KILLED, FAILED, LOST or SUCCEEDED) can be started"
                            + (job.state == TaskState.KILLING ? " — wait until it reaches KILLED" : ""));
        }
        relaunch(job, "");
    }

    @Override
    public OptionalLong lastActivity(String jobId) throws PelotonException {
        call("LastActivity", jobId);
        PelotonTask job = existing("LastActivity", jobId);
        return job.hasActivity ? OptionalLong.of(job.lastActivity) : OptionalLong.empty();
    }

    // ---- the harness side ----

    /** Adds a session whose task is RUNNING in run 1; no transition is reported for it. */
    public SessionJob register(String jobId, String owner, String owningTeam, String zone, Resources resources) {
        PelotonTask job = new PelotonTask(jobId, owner, owningTeam, zone, resources);
        if (jobs.putIfAbsent(jobId, job) != null) {
            throw new IllegalArgumentException("job already registered: " + jobId);
        }
        return job.view();
    }

    /** Receives every later transition of every job, in the order they happen. */
    public void addTransitionListener(TransitionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Sets what {@link #lastActivity(String)} reports for the job. */
    public void setLastActivity(String jobId, long epochMillis) {
        PelotonTask job = known(jobId);
        job.lastActivity = epochMillis;
        job.hasActivity = true;
    }

    /** Changes the API failure rate from now on, e.g. for an outage window. */
    public void setApiFailureRate(double rate) {
        checkRate(rate);
        this.apiFailureRate = rate;
    }

    public double apiFailureRate() {
        return apiFailureRate;
    }

    /**
     * The task fails ({@link TaskState#FAILED}) or its host is lost ({@link TaskState#LOST}) now; if
     * the job should be running it is relaunched at once as a new run.
     *
     * @throws IllegalStateException if the task has already ended
     */
    public void failTask(String jobId, TaskState failure, String reason) {
        if (failure != TaskState.FAILED && failure != TaskState.LOST) {
            throw new IllegalArgumentException("a task fails as FAILED or LOST, not " + failure);
        }
        PelotonTask job = known(jobId);
        if (job.state.isTerminal()) {
            throw new IllegalStateException("job " + jobId + " has already ended: " + job.state);
        }
        cancelPending(job);
        enter(job, failure, Objects.requireNonNull(reason, "reason"));
        // a listener may have stopped or restarted the job while hearing of the failure
        if (job.desired == TaskState.RUNNING && job.state == failure) {
            relaunch(job, "relaunched after " + failure + ": " + reason);
        }
    }

    /** The job as the API would show it, without an API call (no fault injection, not counted). */
    public SessionJob peek(String jobId) {
        return known(jobId).view();
    }

    /** Every job, in registration order, without an API call. */
    public List<SessionJob> peekAll() {
        return jobs.values().stream().map(PelotonTask::view).toList();
    }

    /** API calls made so far, failed ones included. */
    public long apiCalls() {
        return apiCalls;
    }

    /** API calls failed by fault injection so far. */
    public long injectedFailures() {
        return injectedFailures;
    }

    // ---- the state machine ----

    private void relaunch(PelotonTask job, String reason) {
        job.desired = TaskState.RUNNING;
        job.runId++;
        enter(job, TaskState.PENDING, reason);
    }

    /** Moves the task to {@code to} now, schedules the step after it, then reports the change. */
    private void enter(PelotonTask job, TaskState to, String reason) {
        TaskState from = job.state;
        job.state = to;
        job.reason = reason;
        job.pending = null;
        switch (to) {
            case PENDING -> after(job, config.pendingToLaunched(), TaskState.LAUNCHED);
            case LAUNCHED -> after(job, config.launchedToStarting(), TaskState.STARTING);
            case STARTING -> after(job, config.startingToRunning(), TaskState.RUNNING);
            case KILLING -> after(job, config.killingToKilled(), TaskState.KILLED);
            default -> { }
        }
        publish(new TaskTransition(job.id, job.runId, from, to, clock.nanos()));
    }

    private void after(PelotonTask job, Latency latency, TaskState next) {
        long delay = latency.sampleNanos(random);
        if (delay < 0) {
            throw new IllegalStateException("latency sampled negative: " + delay);
        }
        job.pending = timer.schedule(clock.nanos() + delay, () -> enter(job, next, job.reason));
    }

    private static void cancelPending(PelotonTask job) {
        if (job.pending != null) {
            job.pending.cancel();
            job.pending = null;
        }
    }

    /** Delivers in order even when a listener's reaction causes further transitions. */
    private void publish(TaskTransition transition) {
        outbox.add(transition);
        if (delivering) {
            return;
        }
        delivering = true;
        try {
            TaskTransition next;
            while ((next = outbox.poll()) != null) {
                for (TransitionListener listener : listeners) {
                    listener.onTransition(next);
                }
            }
        } finally {
            delivering = false;
        }
    }

    private void call(String rpc, String jobId) throws PelotonException {
        apiCalls++;
        if (apiFailureRate > 0 && random.nextDouble() < apiFailureRate) {
            injectedFailures++;
            throw new PelotonException(PelotonException.Code.UNAVAILABLE, jobId,
                    rpc + " failed: injected fault, the call had no effect");
        }
    }

    private PelotonTask existing(String rpc, String jobId) throws PelotonException {
        PelotonTask job = jobs.get(jobId);
        if (job == null) {
            throw new PelotonException(PelotonException.Code.NOT_FOUND, jobId, rpc + ": no such job");
        }
        return job;
    }

    private PelotonTask known(String jobId) {
        PelotonTask job = jobs.get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("unknown job: " + jobId);
        }
        return job;
    }

    static void checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("API failure rate must be in [0, 1]: " + rate);
        }
    }
}
