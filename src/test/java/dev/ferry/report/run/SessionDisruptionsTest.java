package dev.ferry.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.session.SessionTimeline;
import dev.ferry.sim.world.ActivitySchedule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionDisruptionsTest {

    private static final long H = VirtualTime.HOUR;

    @Test
    @DisplayName("without a migration, a session's windows run from each stop to its next moment of being usable")
    void restartWindows() {
        // active 10:00-11:00; a user restart at 10:30 back at 10:31 is seen, an OOM kill at 12:00 back at 12:02 is
        // not, and a node loss at 23:00 never back is down to the horizon (24:00), unseen
        SessionTimeline t = new SessionTimeline();
        t.record(SessionTimeline.Kind.USABLE, 0);
        t.record(SessionTimeline.Kind.STOP_USER, 10 * H + 30 * VirtualTime.MINUTE);
        t.record(SessionTimeline.Kind.USABLE, 10 * H + 31 * VirtualTime.MINUTE);
        t.record(SessionTimeline.Kind.STOP_OOM, 12 * H);
        t.record(SessionTimeline.Kind.USABLE, 12 * H + 2 * VirtualTime.MINUTE);
        t.record(SessionTimeline.Kind.STOP_NODE_LOSS, 23 * H);
        SessionDisruptions.Row row = SessionDisruptions.restarts(t, schedule(10 * H, 11 * H), 24 * H);
        assertThat(row.userVisibleSeconds()).isEqualTo(60);
        assertThat(row.totalSeconds()).isEqualTo(60 + 120 + 3600);
        assertThat(row.whileActive()).isTrue();
        assertThat(row.cluster()).isNull();
        assertThat(row.migratedAtHours()).isNaN();
        assertThat(row.rollbacks()).as("no migration, no rollback count").isNull();
    }

    @Test
    @DisplayName("a window that the user's activity begins inside is user-visible")
    void activityStartingInsideAWindow() {
        SessionTimeline t = new SessionTimeline();
        t.record(SessionTimeline.Kind.STOP_USER, 9 * H + 59 * VirtualTime.MINUTE);
        t.record(SessionTimeline.Kind.USABLE, 10 * H + VirtualTime.MINUTE);
        assertThat(SessionDisruptions.restarts(t, schedule(10 * H, 11 * H), 24 * H).userVisibleSeconds())
                .isEqualTo(120);
    }

    private static ActivitySchedule schedule(long start, long end) {
        return ActivitySchedule.of(new long[] {start}, new long[] {end});
    }
}
