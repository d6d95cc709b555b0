package dev.ferry.sim.migration;

import dev.ferry.cluster.peloton.PelotonException;
import dev.ferry.cluster.peloton.TaskState;
import dev.ferry.des.Kernel;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.peloton.FakePeloton;
import dev.ferry.sim.world.ActivitySchedule;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Users who stop their own sessions on Peloton: for each session, stops at the times of a Poisson process of
 * {@code perDay} a day from {@code fromNanos}; a stop finds the session's task RUNNING on Peloton (otherwise it
 * is not the user's to stop there: migrated, or in a migration) and asks Peloton to stop it, as the user's click
 * would. The user starts it again on Peloton when they next become active (never, if they do not before the
 * horizon). Counts what the scheduler must respect: a session its user stopped is not started, on Kubernetes or on
 * Peloton, until its user starts it.
 */
final class UserStops {

    private final Kernel kernel;
    private final FakePeloton peloton;
    private final SessionIds ids;
    private final List<ActivitySchedule> schedules;
    private final boolean[] stopped;
    private long stops;
    private long startedAgain;
    private long startedWhileStopped;

    UserStops(Kernel kernel, FakePeloton peloton, SessionIds ids, List<ActivitySchedule> schedules, double perDay,
            SplittableRandom random, long fromNanos, long horizonNanos) {
        this.kernel = kernel;
        this.peloton = peloton;
        this.ids = ids;
        this.schedules = schedules;
        this.stopped = new boolean[ids.size()];
        if (perDay <= 0) {
            return;
        }
        double meanGapNanos = VirtualTime.DAY / perDay;
        for (int i = 0; i < ids.size(); i++) {
            int session = i;
            for (double t = fromNanos - Math.log(1 - random.nextDouble()) * meanGapNanos; t < horizonNanos;
                    t -= Math.log(1 - random.nextDouble()) * meanGapNanos) {
                kernel.schedule((long) t, () -> stop(session, horizonNanos));
            }
        }
    }

    /** Whether session {@code i}'s user has it stopped now. */
    boolean stoppedByUser(int i) {
        return stopped[i];
    }

    /**
     * Session {@code i} turned running somewhere: its pod Running on a target cluster, or its task RUNNING on Peloton
     * (its user's own start clears the stop before the task runs, so this one was someone else's).
     */
    void running(int i) {
        if (stopped[i]) {
            startedWhileStopped++;
        }
    }

    MigrationOutcome.UserStops counts() {
        int stillStopped = 0;
        for (boolean s : stopped) {
            stillStopped += s ? 1 : 0;
        }
        return new MigrationOutcome.UserStops(stops, startedAgain, stillStopped, startedWhileStopped);
    }

    private void stop(int i, long horizonNanos) {
        String jobId = ids.id(i);
        if (stopped[i] || peloton.peek(jobId).state() != TaskState.RUNNING) {
            return;
        }
        stopped[i] = true;
        try {
            peloton.stopJob(jobId);
        } catch (PelotonException e) {
            stopped[i] = false; // the click failed: the session runs on
            return;
        }
        stops++;
        long back = nextActivity(i, kernel.nanos());
        if (back < horizonNanos) {
            kernel.schedule(back, () -> start(i));
        }
    }

    private void start(int i) {
        try {
            peloton.startJob(ids.id(i));
        } catch (PelotonException e) {
            kernel.schedule(kernel.nanos() + VirtualTime.MINUTE, () -> start(i)); // the user tries again
            return;
        }
        stopped[i] = false;
        startedAgain++;
    }

    /** When the user of session {@code i} next becomes active after {@code now}; MAX_VALUE if never. */
    private long nextActivity(int i, long now) {
        ActivitySchedule s = schedules.get(i);
        for (int p = 0; p < s.periods(); p++) {
            if (s.start(p) > now) {
                return s.start(p);
            }
        }
        return Long.MAX_VALUE;
    }
}
