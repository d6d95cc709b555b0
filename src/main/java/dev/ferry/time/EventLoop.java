package dev.ferry.time;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The production timer: one thread (whoever calls {@link #run()}) runs posted and timed tasks one
 * at a time, so the code it drives needs no locks. Other threads hand work in with
 * {@link #execute(Runnable)}; {@link #stop()} ends the loop after the task that is running.
 */
public final class EventLoop implements Timer, Executor {

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ArrayDeque<Runnable> posted = new ArrayDeque<>();
    private final PriorityQueue<TimedTask> timed = new PriorityQueue<>(TimedTask.ORDER);
    private long sequence;
    private boolean stopped;

    public EventLoop(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            posted.add(task);
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Scheduled schedule(long atNanos, Runnable task) {
        lock.lock();
        try {
            TimedTask t = new TimedTask(atNanos, sequence++, task);
            timed.add(t);
            wake.signal();
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** Asks the loop to return from {@link #run()}; safe from any thread. */
    public void stop() {
        lock.lock();
        try {
            stopped = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Runs tasks on the calling thread until {@link #stop()}. */
    public void run() {
        while (true) {
            Runnable next = take();
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    private Runnable take() {
        lock.lock();
        try {
            while (true) {
                if (stopped) {
                    return null;
                }
                if (!posted.isEmpty()) {
                    return posted.poll();
                }
                TimedTask head = timed.peek();
                if (head != null && head.cancelled()) {
                    timed.poll();
                    continue;
                }
                if (head == null) {
                    wake.await();
                    continue;
                }
                long wait = head.atNanos - clock.nanos();
                if (wait <= 0) {
                    timed.poll();
                    return head.task;
                }
                wake.await(wait, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }
}
