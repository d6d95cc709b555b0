package dev.ferry.sim.migration;

import dev.ferry.api.control.ActivityOutcome;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.peloton.FakePeloton;
import dev.ferry.sim.world.ActivitySchedule;
import java.util.Arrays;
import java.util.List;

/**
 * Tells Peloton when each user was last active, as JupyterHub's {@code last_activity} does, and the control plane, as
 * the session's tracker reports it: at each pass, the end of the user's latest activity period so far (or now,
 * within one), told only when it changed.
 */
final class ActivityFeed {

    private final List<ActivitySchedule> schedules;
    private final SessionIds ids;
    private final FakePeloton peloton;
    private final ControlPlane plane;
    private final long epochAtZero;
    private final int[] cursor;
    /** The last activity told per session, epoch ms; Long.MIN_VALUE before any. */
    private final long[] told;

    ActivityFeed(List<ActivitySchedule> schedules, SessionIds ids, FakePeloton peloton, ControlPlane plane,
            long epochAtZero) {
        this.schedules = schedules;
        this.ids = ids;
        this.peloton = peloton;
        this.plane = plane;
        this.epochAtZero = epochAtZero;
        this.cursor = new int[schedules.size()];
        this.told = new long[schedules.size()];
        Arrays.fill(told, Long.MIN_VALUE);
    }

    /** Brings Peloton up to virtual time {@code now}. */
    void update(long now) {
        for (int i = 0; i < schedules.size(); i++) {
            ActivitySchedule a = schedules.get(i);
            int p = cursor[i];
            while (p < a.periods() && a.start(p) <= now) {
                p++;
            }
            cursor[i] = p;
            if (p > 0) {
                long last = epochAtZero + Math.min(now, a.end(p - 1)) / VirtualTime.MILLISECOND;
                if (last != told[i]) {
                    peloton.setLastActivity(ids.id(i), last);
                    if (!(AnsweredAtOnce.answer(plane.activity(ids.id(i), last), "an activity report")
                            instanceof ActivityOutcome.Recorded)) {
                        throw new IllegalStateException("the control plane refused session " + ids.id(i)
                                + "'s activity at " + last);
                    }
                    told[i] = last;
                }
            }
        }
    }

    /** The last activity told for session {@code i}, epoch ms; {@link Long#MIN_VALUE} before any. */
    long lastTold(int i) {
        return told[i];
    }
}
