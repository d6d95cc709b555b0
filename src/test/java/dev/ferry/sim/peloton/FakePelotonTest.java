package dev.ferry.sim.peloton;

import static dev.ferry.cluster.peloton.TaskState.KILLED;
import static dev.ferry.cluster.peloton.TaskState.KILLING;
import static dev.ferry.cluster.peloton.TaskState.LAUNCHED;
import static dev.ferry.cluster.peloton.TaskState.LOST;
import static dev.ferry.cluster.peloton.TaskState.PENDING;
import static dev.ferry.cluster.peloton.TaskState.RUNNING;
import static dev.ferry.cluster.peloton.TaskState.STARTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.cluster.peloton.JobQuery;
import dev.ferry.cluster.peloton.PelotonException;
import dev.ferry.cluster.peloton.Resources;
import dev.ferry.cluster.peloton.SessionJob;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.time.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FakePelotonTest {

    private static final long S = 1_000_000_000L;
    private static final long KILL = 30 * S;
    private static final long PLACE = 5 * S;
    private static final long LAUNCH = 2 * S;
    private static final long START = 20 * S;
    private static final FakePelotonConfig FIXED = FakePelotonConfig.fixed(Duration.ofNanos(KILL),
            Duration.ofNanos(PLACE), Duration.ofNanos(LAUNCH), Duration.ofNanos(START));

    private final ManualTime time = new ManualTime();
    private final List<TaskTransition> seen = new ArrayList<>();

    private FakePeloton peloton(FakePelotonConfig config, long seed) {
        FakePeloton p = new FakePeloton(time, time, new SplittableRandom(seed), config);
        p.addTransitionListener(seen::add);
        return p;
    }

    private FakePeloton withOneJob() {
        FakePeloton p = peloton(FIXED, 1);
        p.register("j1", "ana", "ml", "zone-a", new Resources(4, 16_384, 0, 1));
        return p;
    }

    private static TaskTransition t(TaskState from, TaskState to, long at, long run) {
        return new TaskTransition("j1", run, from, to, at);
    }

    @Test
    @DisplayName("stop: RUNNING → KILLING at once, KILLED exactly the kill latency later")
    void stopTransitionsAtConfiguredTimes() throws Exception {
        FakePeloton p = withOneJob();
        time.advanceTo(100 * S);
        p.stopJob("j1");
        assertThat(p.peek("j1").state()).isEqualTo(KILLING);
        assertThat(p.peek("j1").task().desiredState()).isEqualTo(KILLED);
        time.advanceTo(100 * S + KILL - 1);
        assertThat(p.peek("j1").state()).isEqualTo(KILLING);
        time.advanceTo(100 * S + KILL);
        assertThat(p.peek("j1").state()).isEqualTo(KILLED);
        assertThat(seen).containsExactly(t(RUNNING, KILLING, 100 * S, 1), t(KILLING, KILLED, 100 * S + KILL, 1));
    }

    @Test
    @DisplayName("start: KILLED → PENDING at once, then LAUNCHED, STARTING, RUNNING at the configured times, as run 2")
    void startTransitionsAtConfiguredTimes() throws Exception {
        FakePeloton p = withOneJob();
        p.stopJob("j1");
        time.advanceTo(1_000 * S);
        seen.clear();
        p.startJob("j1");
        long t0 = 1_000 * S;
        assertThat(p.peek("j1").state()).isEqualTo(PENDING);
        time.advanceTo(t0 + PLACE + LAUNCH + START - 1);
        assertThat(p.peek("j1").state()).isEqualTo(STARTING);
        time.advanceTo(t0 + PLACE + LAUNCH + START);
        SessionJob job = p.peek("j1");
        assertThat(job.state()).isEqualTo(RUNNING);
        assertThat(job.task().runId()).isEqualTo(2);
        assertThat(job.podId()).isEqualTo("j1-0-2");
        assertThat(seen).containsExactly(
                t(KILLED, PENDING, t0, 2),
                t(PENDING, LAUNCHED, t0 + PLACE, 2),
                t(LAUNCHED, STARTING, t0 + PLACE + LAUNCH, 2),
                t(STARTING, RUNNING, t0 + PLACE + LAUNCH + START, 2));
    }

    @Test
    @DisplayName("a second stop while KILLING changes nothing: same state, same KILLED time, no transition")
    void stopIsIdempotent() throws Exception {
        FakePeloton p = withOneJob();
        p.stopJob("j1");
        time.advanceTo(10 * S);
        SessionJob before = p.peek("j1");
        int pending = time.pendingCount();
        p.stopJob("j1");
        assertThat(p.peek("j1")).isEqualTo(before);
        assertThat(time.pendingCount()).isEqualTo(pending);
        assertThat(seen).hasSize(1);
        time.runAll();
        p.stopJob("j1");
        assertThat(p.peek("j1").state()).isEqualTo(KILLED);
        assertThat(seen).containsExactly(t(RUNNING, KILLING, 0, 1), t(KILLING, KILLED, KILL, 1));
    }

    @Test
    @DisplayName("start of a running job is refused with FAILED_PRECONDITION naming the state; nothing changes")
    void startOfRunningIsRefused() {
        FakePeloton p = withOneJob();
        PelotonException e = catchThrowableOfType(PelotonException.class, () -> p.startJob("j1"));
        assertThat(e.code()).isEqualTo(PelotonException.Code.FAILED_PRECONDITION);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.jobId()).isEqualTo("j1");
        assertThat(e).hasMessageContaining("already").hasMessageContaining("RUNNING");
        assertThat(p.peek("j1").state()).isEqualTo(RUNNING);
        assertThat(seen).isEmpty();
    }

    @Test
    @DisplayName("start while KILLING is refused until KILLED; a start while already starting is a no-op")
    void startWhileKillingOrStarting() throws Exception {
        FakePeloton p = withOneJob();
        p.stopJob("j1");
        assertThatThrownBy(() -> p.startJob("j1")).isInstanceOf(PelotonException.class)
                .hasMessageContaining("KILLING").hasMessageContaining("wait until it reaches KILLED");
        time.advanceTo(KILL);
        p.startJob("j1");
        time.advanceBy(PLACE + LAUNCH);
        assertThat(p.peek("j1").state()).isEqualTo(STARTING);
        p.startJob("j1");
        assertThat(p.peek("j1").task().runId()).isEqualTo(2);
        time.runAll();
        assertThat(p.peek("j1").state()).isEqualTo(RUNNING);
        assertThat(seen.stream().filter(TaskTransition::becameUsable)).hasSize(1);
    }

    @Test
    @DisplayName("stop during startup cancels the remaining steps: the task is killed and never reaches RUNNING")
    void stopDuringStartup() throws Exception {
        FakePeloton p = withOneJob();
        p.stopJob("j1");
        time.advanceTo(KILL);
        p.startJob("j1");
        time.advanceBy(PLACE);
        p.stopJob("j1");
        time.runAll();
        assertThat(p.peek("j1").state()).isEqualTo(KILLED);
        assertThat(seen.subList(2, seen.size())).containsExactly(
                t(KILLED, PENDING, KILL, 2),
                t(PENDING, LAUNCHED, KILL + PLACE, 2),
                t(LAUNCHED, KILLING, KILL + PLACE, 2),
                t(KILLING, KILLED, KILL + PLACE + KILL, 2));
    }

    @Test
    @DisplayName("a lost task of a job that should run is relaunched as a new run")
    void lostTaskIsRelaunched() {
        FakePeloton p = withOneJob();
        time.advanceTo(50 * S);
        p.failTask("j1", LOST, "agent gone");
        assertThat(p.peek("j1").task().reason()).contains("LOST").contains("agent gone");
        time.runAll();
        assertThat(p.peek("j1").state()).isEqualTo(RUNNING);
        assertThat(seen).containsExactly(
                t(RUNNING, LOST, 50 * S, 1),
                t(LOST, PENDING, 50 * S, 2),
                t(PENDING, LAUNCHED, 50 * S + PLACE, 2),
                t(LAUNCHED, STARTING, 50 * S + PLACE + LAUNCH, 2),
                t(STARTING, RUNNING, 50 * S + PLACE + LAUNCH + START, 2));
    }

    @Test
    @DisplayName("listing filters by zone, team, owner and state; unknown jobs are empty or NOT_FOUND")
    void listingFilters() throws Exception {
        FakePeloton p = peloton(FIXED, 1);
        p.register("a", "ana", "ml", "zone-a", Resources.of(2, 4096));
        p.register("b", "bo", "ml", "zone-b", Resources.of(2, 4096));
        p.register("c", "ana", "bi", "zone-b", new Resources(8, 65_536, 0, 2));
        p.stopJob("b");
        assertThat(ids(p.queryJobs(JobQuery.all()))).containsExactly("a", "b", "c");
        assertThat(ids(p.queryJobs(JobQuery.all().inZone("zone-b")))).containsExactly("b", "c");
        assertThat(ids(p.queryJobs(JobQuery.all().ofTeam("ml")))).containsExactly("a", "b");
        assertThat(ids(p.queryJobs(JobQuery.all().ofOwner("ana")))).containsExactly("a", "c");
        assertThat(ids(p.queryJobs(JobQuery.all().inStates(RUNNING)))).containsExactly("a", "c");
        assertThat(ids(p.queryJobs(JobQuery.all().inZone("zone-b").inStates(KILLING)))).containsExactly("b");
        assertThat(p.getJob("c").orElseThrow().resources().gpuLimit()).isEqualTo(2);
        assertThat(p.getJob("nope")).isEmpty();
        PelotonException e = catchThrowableOfType(PelotonException.class, () -> p.stopJob("nope"));
        assertThat(e.code()).isEqualTo(PelotonException.Code.NOT_FOUND);
        assertThat(e.isRetryable()).isFalse();
        assertThatThrownBy(() -> p.register("a", "x", "y", "z", Resources.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the activity signal is empty until the simulation sets it, then reports the latest value")
    void activitySignal() throws Exception {
        FakePeloton p = withOneJob();
        assertThat(p.lastActivity("j1")).isEmpty();
        p.setLastActivity("j1", 1_700_000_000_000L);
        assertThat(p.lastActivity("j1")).isEqualTo(OptionalLong.of(1_700_000_000_000L));
        p.setLastActivity("j1", 1_700_000_060_000L);
        assertThat(p.lastActivity("j1")).hasValue(1_700_000_060_000L);
        assertThatThrownBy(() -> p.lastActivity("nope")).isInstanceOf(PelotonException.class)
                .hasMessageContaining("NOT_FOUND");
    }

    @Test
    @DisplayName("a 20% fault rate fails close to 20% of calls for a fixed seed, typed retryable, with no effect")
    void faultInjection() {
        FakePeloton p = peloton(FIXED.withApiFailureRate(0.2), 42);
        p.register("j1", "ana", "ml", "zone-a", Resources.of(1, 1024));
        int calls = 10_000;
        int failures = 0;
        for (int i = 0; i < calls; i++) {
            try {
                p.getJob("j1");
            } catch (PelotonException e) {
                failures++;
                assertThat(e.code()).isEqualTo(PelotonException.Code.UNAVAILABLE);
                assertThat(e.isRetryable()).isTrue();
            }
        }
        // binomial(10 000, 0.2): sd = 40, so ±200 is five standard deviations
        assertThat(failures).isBetween(1_800, 2_200);
        assertThat(p.injectedFailures()).isEqualTo(failures);
        assertThat(p.apiCalls()).isEqualTo(calls);

        int stopFailures = 0;
        while (p.peek("j1").state() == RUNNING) {
            try {
                p.stopJob("j1");
            } catch (PelotonException e) {
                stopFailures++;
                assertThat(p.peek("j1").state()).isEqualTo(RUNNING);
            }
        }
        assertThat(seen).containsExactly(t(RUNNING, KILLING, 0, 1));
        assertThat(p.injectedFailures()).isEqualTo(failures + stopFailures);
        p.setApiFailureRate(1.0);
        assertThatThrownBy(() -> p.queryJobs(JobQuery.all())).isInstanceOf(PelotonException.class)
                .hasMessageContaining("UNAVAILABLE");
    }

    @Test
    @DisplayName("the listener sees every transition in order, and the disruption window is KILLING to RUNNING")
    void listenerSeesEveryTransitionInOrder() throws Exception {
        FakePeloton p = withOneJob();
        time.advanceTo(10 * S);
        p.stopJob("j1");
        time.advanceTo(300 * S);
        p.startJob("j1");
        time.runAll();
        assertThat(seen).extracting(TaskTransition::to)
                .containsExactly(KILLING, KILLED, PENDING, LAUNCHED, STARTING, RUNNING);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).from()).isEqualTo(seen.get(i - 1).to());
            assertThat(seen.get(i).atNanos()).isGreaterThanOrEqualTo(seen.get(i - 1).atNanos());
        }
        long down = seen.stream().filter(TaskTransition::becameUnusable).findFirst().orElseThrow().atNanos();
        long up = seen.stream().filter(TaskTransition::becameUsable).findFirst().orElseThrow().atNanos();
        assertThat(up - down).isEqualTo(290 * S + PLACE + LAUNCH + START);
    }

    @Test
    @DisplayName("a listener that reacts with an API call does not reorder what other listeners see")
    void reentrantListenerKeepsOrder() throws Exception {
        FakePeloton p = new FakePeloton(time, time, new SplittableRandom(1), FIXED);
        p.register("j1", "ana", "ml", "zone-a", Resources.of(1, 1024));
        p.addTransitionListener(tr -> {
            if (tr.to() == PENDING) {
                try {
                    p.stopJob(tr.jobId());
                } catch (PelotonException e) {
                    throw new AssertionError(e);
                }
            }
        });
        p.addTransitionListener(seen::add);
        p.stopJob("j1");
        time.runAll();
        p.startJob("j1");
        time.runAll();
        assertThat(seen).extracting(TaskTransition::to).containsExactly(KILLING, KILLED, PENDING, KILLING, KILLED);
    }

    @Test
    @DisplayName("the same seed gives the same run; another seed gives another")
    void deterministicForASeed() {
        assertThat(scriptedRun(7)).isEqualTo(scriptedRun(7));
        assertThat(scriptedRun(7)).isNotEqualTo(scriptedRun(8));
    }

    /** Random latencies and 30% faults; every session is stopped and started again, retrying until it works. */
    private static List<String> scriptedRun(long seed) {
        ManualTime clock = new ManualTime();
        FakePelotonConfig config = new FakePelotonConfig(
                Latency.uniform(Duration.ofSeconds(5), Duration.ofSeconds(60)),
                Latency.exponential(Duration.ofSeconds(10)),
                Latency.uniform(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                Latency.logNormal(Duration.ofSeconds(30), 0.8),
                0.3);
        FakePeloton p = new FakePeloton(clock, clock, new SplittableRandom(seed), config);
        List<String> log = new ArrayList<>();
        p.addTransitionListener(tr -> log.add(tr.toString()));
        for (int i = 0; i < 20; i++) {
            p.register("s" + i, "u" + i, "t" + (i % 3), "zone-" + (i % 2), Resources.of(1, 2048));
        }
        for (int i = 0; i < 20; i++) {
            String id = "s" + i;
            clock.advanceBy(7 * S);
            retry(() -> p.stopJob(id), log);
        }
        clock.runAll();
        for (int i = 0; i < 20; i++) {
            String id = "s" + i;
            clock.advanceBy(3 * S);
            retry(() -> p.startJob(id), log);
        }
        clock.runAll();
        log.add("end " + clock.nanos() + " calls " + p.apiCalls() + " faults " + p.injectedFailures());
        return log;
    }

    private interface Call {
        void run() throws PelotonException;
    }

    private static void retry(Call call, List<String> log) {
        while (true) {
            try {
                call.run();
                return;
            } catch (PelotonException e) {
                assertThat(e.isRetryable()).isTrue();
                log.add("retry " + e.getMessage());
            }
        }
    }

    private static List<String> ids(List<SessionJob> jobs) {
        return jobs.stream().map(SessionJob::jobId).toList();
    }
}
