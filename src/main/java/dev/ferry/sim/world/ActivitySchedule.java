package dev.ferry.sim.world;

import dev.ferry.model.ActivityModel;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratNormalizedGaussianSampler;

/**
 * When one user is active, as sorted, disjoint intervals of virtual time: on each working day
 * (and on the odd weekend day) a stretch of office hours in which active and idle periods
 * alternate.
 */
public final class ActivitySchedule {

    private static final double HOUR = 3600e9;
    private static final double MINUTE = 60e9;

    private final long[] starts;
    private final long[] ends;

    private ActivitySchedule(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** The periods [starts[k], ends[k]), in order and apart, in virtual nanoseconds: for tests and tools. */
    public static ActivitySchedule of(long[] starts, long[] ends) {
        if (starts.length != ends.length) {
            throw new IllegalArgumentException(starts.length + " starts but " + ends.length + " ends");
        }
        for (int k = 0; k < starts.length; k++) {
            if (ends[k] <= starts[k] || (k > 0 && starts[k] < ends[k - 1])) {
                throw new IllegalArgumentException("period " + k + " is empty, or overlaps the one before");
            }
        }
        return new ActivitySchedule(starts.clone(), ends.clone());
    }

    public static ActivitySchedule generate(ActivityModel model, Instant origin, long horizon, UniformRandomProvider random) {
        ZigguratNormalizedGaussianSampler gaussian = ZigguratNormalizedGaussianSampler.of(random);
        ContinuousSampler dayStart = GaussianSampler.of(gaussian,
                model.dayStartHourMean(), model.dayStartHourSd());
        ContinuousSampler dayLength = GaussianSampler.of(gaussian, model.dayLengthHoursMean(), model.dayLengthHoursSd());
        ContinuousSampler active = AhrensDieterExponentialSampler.of(random, model.activeMinutesMean());
        ContinuousSampler idle = AhrensDieterExponentialSampler.of(random, model.idleMinutesMean());
        long[] s = new long[64];
        long[] e = new long[64];
        int n = 0;
        long originDayNanos = Math.floorMod(origin.getEpochSecond(), 86_400L) * 1_000_000_000L;
        for (int day = 0; day * 24 * HOUR - originDayNanos < horizon; day++) {
            long dayOrigin = (long) (day * 24 * HOUR) - originDayNanos;
            DayOfWeek weekday = origin.plusSeconds(day * 86_400L).atZone(ZoneOffset.UTC).getDayOfWeek();
            boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
            double startHour = Math.min(23, Math.max(0, dayStart.sample()));
            double lengthHours = Math.max(0.25, dayLength.sample());
            if (weekend) {
                if (random.nextDouble() >= model.weekendDayProbability()) {
                    continue;
                }
                lengthHours /= 3;
            }
            long t = dayOrigin + (long) (startHour * HOUR);
            long dayEnd = t + (long) (lengthHours * HOUR);
            while (t < dayEnd) {
                long end = Math.min(dayEnd, t + (long) (active.sample() * MINUTE));
                if (end > Math.max(t, 0) && t < horizon) {
                    if (n == s.length) {
                        s = Arrays.copyOf(s, n * 2);
                        e = Arrays.copyOf(e, n * 2);
                    }
                    s[n] = Math.max(t, 0);
                    e[n] = Math.min(end, horizon);
                    n++;
                }
                t = end + (long) (idle.sample() * MINUTE);
            }
        }
        return new ActivitySchedule(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }

    public int periods() {
        return starts.length;
    }

    public long start(int period) {
        return starts[period];
    }

    public long end(int period) {
        return ends[period];
    }

    /** Whether the user is active at {@code t}. */
    public boolean activeAt(long t) {
        int i = Arrays.binarySearch(starts, t);
        int period = i >= 0 ? i : -i - 2;
        return period >= 0 && t < ends[period];
    }

    /** Whether the user was active at any moment of [from, to] (DESIGN.md's user-visible disruption). */
    public boolean activeDuring(long from, long to) {
        if (activeAt(from)) {
            return true;
        }
        for (int p = 0; p < starts.length; p++) {
            if (starts[p] > from && starts[p] <= to) {
                return true;
            }
        }
        return false;
    }

    /** Total active time, in nanoseconds. */
    public long activeNanos() {
        long total = 0;
        for (int i = 0; i < starts.length; i++) {
            total += ends[i] - starts[i];
        }
        return total;
    }
}
