package dev.ferry.des;

import dev.ferry.time.Clock;
import dev.ferry.time.Timer;
import java.util.Objects;

/**
 * The discrete-event kernel of one simulation run: a virtual clock in {@code long} nanoseconds,
 * starting at 0, and an {@link EventList}. Events run one at a time in order of time, then priority
 * (smaller first), then scheduling order, each with the clock at its own time; the same schedule
 * calls therefore give the same run. Product code takes the kernel as its {@link Clock} and
 * {@link Timer} and runs on virtual time unchanged.
 *
 * <p>Scheduling before {@link #nanos()} is refused with an {@link IllegalArgumentException}, even
 * through {@link Timer#schedule}: in a simulation a time in the past is a bug of the model, and
 * running it late would quietly distort the results. Scheduling at {@link #nanos()} itself is
 * allowed: the event runs in this same instant, after the events already due now with the same or
 * a smaller priority.
 *
 * <p>Single-threaded: schedule, cancel and stop from events or between runs. An exception thrown
 * by an event propagates out of {@link #run()}; its event is gone, the clock stays at its time,
 * and the kernel can run on.
 */
public final class Kernel implements Clock, Timer {

    /** The priority of events scheduled without one, including those scheduled through {@link Timer}. */
    public static final int DEFAULT_PRIORITY = 0;

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final EventList events;
    private final long epochMillisAtZero;
    private long now;
    private long processed;
    private boolean running;
    private boolean stopRequested;

    /** A kernel on a {@link FourAryHeap}; {@link #epochMillis()} reads {@code epochMillisAtZero} at time 0. */
    public Kernel(long epochMillisAtZero) {
        this(epochMillisAtZero, new FourAryHeap());
    }

    /** A kernel on {@code events}, which must be empty and used by this kernel only. */
    public Kernel(long epochMillisAtZero, EventList events) {
        if (!events.isEmpty()) {
            throw new IllegalArgumentException("a kernel starts with an empty event list, got " + events.size()
                    + " pending events");
        }
        this.events = events;
        this.epochMillisAtZero = epochMillisAtZero;
    }

    /** Virtual time: the time of the event running, or where the last run left the clock. */
    @Override
    public long nanos() {
        return now;
    }

    /** The start epoch plus the virtual milliseconds elapsed. */
    @Override
    public long epochMillis() {
        return epochMillisAtZero + Math.floorDiv(now, NANOS_PER_MILLI);
    }

    /** Schedules {@code task} at {@code atNanos} with the {@link #DEFAULT_PRIORITY}. */
    @Override
    public Scheduled schedule(long atNanos, Runnable task) {
        return schedule(atNanos, DEFAULT_PRIORITY, task);
    }

    /**
     * Schedules {@code task} at {@code atNanos}; among events due at the same time, smaller
     * priorities run first.
     *
     * @throws IllegalArgumentException if {@code atNanos} is before {@link #nanos()}
     */
    public Scheduled schedule(long atNanos, int priority, Runnable task) {
        if (atNanos < now) {
            throw inThePast(atNanos);
        }
        Objects.requireNonNull(task, "task");
        return new Handle(events, events.add(atNanos, priority, task));
    }

    /**
     * Schedules {@code task} {@code delayNanos} from now with the {@link #DEFAULT_PRIORITY}.
     *
     * @throws IllegalArgumentException if the delay is negative or runs past the end of {@code long} time
     */
    public Scheduled scheduleAfter(long delayNanos, Runnable task) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("cannot schedule an event in the past: the delay is negative ("
                    + delayNanos + " ns)");
        }
        long at = now + delayNanos;
        if (at < now) {
            throw new IllegalArgumentException("a delay of " + delayNanos + " ns from " + now
                    + " ns overflows virtual time");
        }
        return schedule(at, DEFAULT_PRIORITY, task);
    }

    /** Runs events until none is pending or an event calls {@link #stop()}. */
    public void run() {
        enter();
        try {
            while (!stopRequested && !events.isEmpty()) {
                fire();
            }
        } finally {
            running = false;
        }
    }

    /**
     * Runs every event due at or before {@code untilNanos}, including those the running events
     * schedule, and then leaves the clock at {@code untilNanos}. If an event calls {@link #stop()},
     * returns after it and leaves the clock at that event's time.
     *
     * @throws IllegalArgumentException if {@code untilNanos} is before {@link #nanos()}
     */
    public void runUntil(long untilNanos) {
        if (untilNanos < now) {
            throw new IllegalArgumentException("time cannot go back: now " + now + " ns, asked to run until "
                    + untilNanos + " ns");
        }
        enter();
        try {
            while (!stopRequested && !events.isEmpty() && events.firstTime() <= untilNanos) {
                fire();
            }
            if (!stopRequested) {
                now = untilNanos;
            }
        } finally {
            running = false;
        }
    }

    /** Runs the first pending event, if any; {@code false} when there was none. */
    public boolean step() {
        enter();
        try {
            if (events.isEmpty()) {
                return false;
            }
            fire();
            return true;
        } finally {
            running = false;
        }
    }

    /**
     * Makes the {@link #run()} or {@link #runUntil(long)} in progress return once the running event
     * ends; events still pending stay pending for the next run. No effect outside a run.
     */
    public void stop() {
        stopRequested = true;
    }

    /** Events run so far; cancelled events do not count. */
    public long eventsProcessed() {
        return processed;
    }

    /** Events scheduled and neither run nor cancelled. */
    public int pending() {
        return events.size();
    }

    private void enter() {
        if (running) {
            throw new IllegalStateException("the kernel is already running: an event cannot start a run");
        }
        running = true;
        stopRequested = false;
    }

    private void fire() {
        now = events.firstTime();
        Runnable task = events.removeFirst();
        processed++;
        task.run();
    }

    private IllegalArgumentException inThePast(long atNanos) {
        return new IllegalArgumentException("cannot schedule an event in the past: at " + atNanos
                + " ns, but the time is already " + now + " ns");
    }

    /**
     * Cancels by token. The kernel does not keep handles: one is a short-lived 24-byte object per
     * schedule call, dropped at once when the caller ignores it.
     */
    private static final class Handle implements Scheduled {

        private final EventList events;
        private final long token;

        Handle(EventList events, long token) {
            this.events = events;
            this.token = token;
        }

        @Override
        public void cancel() {
            events.remove(token);
        }
    }
}
