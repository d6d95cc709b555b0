package dev.ferry.sim.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks side by side: at most {@code parallel} at once, and a task starts only when the heap the
 * tasks already running need leaves room for its own (a task alone always starts: the caller checked that each
 * fits the heap by itself). Tasks start in the order given; a task that fails is recorded as failed and the others
 * go on. Each simulation run owns its kernel, random streams and mock servers, so running beside another changes
 * nothing of its results.
 */
public final class SideBySide {

    /** One independent task and the heap, in bytes, it needs while it runs. */
    public interface Task<T> {
        long heapBytes();

        T run() throws Exception;
    }

    /** How task {@code index} ended: its value, or what it threw (then {@code value} is null). */
    public record Done<T>(int index, T value, Throwable failure) {

        public boolean failed() {
            return failure != null;
        }
    }

    /** Told of each task as it ends, from the thread that ran it. */
    public interface Listener {
        void ended(int index, Throwable failure);
    }

    private final int parallel;
    private final long heapBytes;
    private final Object lock = new Object();
    private int running;
    private long heapInUse;

    /**
     * @param parallel  at most this many tasks at once (at least 1)
     * @param heapBytes the heap the tasks share ({@code Runtime.maxMemory()})
     */
    public SideBySide(int parallel, long heapBytes) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
        }
        this.parallel = parallel;
        this.heapBytes = heapBytes;
    }

    /** The machine's cores, the default for how many runs go side by side. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs every task and returns how each ended, in the order given. */
    public <T> List<Done<T>> run(List<? extends Task<T>> tasks, Listener listener) throws InterruptedException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, tasks.size())), r -> {
            Thread t = new Thread(r, "ferry-run-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Done<T>>> futures = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                Task<T> task = tasks.get(i);
                long need = task.heapBytes();
                admit(need);
                int index = i;
                futures.add(pool.submit(() -> runOne(index, task, need, listener)));
            }
            List<Done<T>> done = new ArrayList<>();
            for (Future<Done<T>> f : futures) {
                try {
                    done.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a task escaped its own handling", e.getCause());
                }
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> Done<T> runOne(int index, Task<T> task, long need, Listener listener) {
        Done<T> done;
        try {
            done = new Done<>(index, task.run(), null);
        } catch (Exception | Error e) {
            done = new Done<>(index, null, e);
        } finally {
            release(need);
        }
        listener.ended(index, done.failure());
        return done;
    }

    /** Waits until a task needing {@code need} bytes may start beside those running. */
    private void admit(long need) throws InterruptedException {
        synchronized (lock) {
            while (running > 0 && (running >= parallel || heapInUse + need > heapBytes)) {
                lock.wait();
            }
            running++;
            heapInUse += need;
        }
    }

    private void release(long need) {
        synchronized (lock) {
            running--;
            heapInUse -= need;
            lock.notifyAll();
        }
    }
}
