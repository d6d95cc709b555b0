package dev.ferry.cluster.kube;

import dev.ferry.migrate.Names;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The session Jobs of one cluster's namespace as a controller keeps them: a fabric8 informer lists Ferry's Jobs
 * ({@code app.kubernetes.io/managed-by=ferry}) once, then watches them and applies every change to its store; when
 * the watch is lost it reconnects, and relists when the API server has forgotten its place, without end (an API
 * server that cannot be reached at start is tried again too). A scheduler then reads its Jobs from memory instead
 * of listing them at every pass; a new cache (a new scheduler) starts from a list, so nothing it reads was kept
 * from before.
 *
 * <p>The cache is read only while it is {@linkplain #current() current}: listed and watching. Otherwise a read
 * fails as a retryable {@link KubeApiException}, as a list would while the API server cannot be reached, so the
 * scheduler treats the cluster as unreadable (nothing new starts) rather than deciding on a stale copy.
 *
 * <p>The informer's threads are fabric8's; the waits here take their bound from the caller. They are for a
 * harness that must know the cache has seen its own writes before it lets a pass decide: they compare
 * resourceVersions as numbers, which the fabric8 mock server's (and etcd's) are, though Kubernetes calls them
 * opaque, so a scheduler against real clusters never calls them.
 */
public final class JobCache implements AutoCloseable {

    /** How often a wait looks again between two of the informer's signals. */
    private static final long RECHECK_NANOS = 1_000_000;

    private final String cluster;
    private final SharedIndexInformer<Job> informer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The Jobs as last read, sorted, and the resourceVersion the informer stood at before that read. */
    private volatile Snapshot snapshot;

    private JobCache(String cluster, SharedIndexInformer<Job> informer) {
        this.cluster = cluster;
        this.informer = informer;
    }

    /**
     * Starts listing and watching the Ferry-managed Jobs of {@code namespace} and returns at once; the cache is
     * current once the first list has landed and the watch is open.
     */
    public static JobCache start(String cluster, KubernetesClient client, String namespace) {
        Objects.requireNonNull(cluster, "cluster");
        SharedIndexInformer<Job> informer = client.batch().v1().jobs().inNamespace(namespace)
                .withLabel(SessionJobs.MANAGED_BY, SessionJobs.FERRY).runnableInformer(0);
        informer.exceptionHandler((started, error) -> true); // keep trying while the API server cannot be reached
        JobCache cache = new JobCache(cluster, informer);
        informer.addEventHandler(cache.new Signal());
        informer.start();
        return cache;
    }

    /** Whether the cache holds the namespace's Jobs and follows their changes: listed, and watching now. */
    public boolean current() {
        return informer.hasSynced() && informer.isWatching();
    }

    /**
     * Every Ferry-managed Job in the namespace, by name, as a list would give them.
     *
     * @throws KubeApiException (retryable) while the cache is not {@linkplain #current() current}
     */
    public List<Job> sessionJobs() {
        return snapshot().jobs();
    }

    /**
     * The Jobs whose migration is not done, or is done with a failed pod ({@link SessionJobs#unsettled}), by name.
     *
     * @throws KubeApiException (retryable) while the cache is not {@linkplain #current() current}
     */
    public List<Job> unsettledSessionJobs() {
        return snapshot().unsettledJobs();
    }

    /** The resourceVersion of the last list or change the cache applied; empty before the first list. */
    public String resourceVersion() {
        return Objects.toString(informer.lastSyncResourceVersion(), "");
    }

    /**
     * Waits until the cache is current and has applied every change up to {@code resourceVersion} (a numeric one).
     *
     * @throws IllegalStateException if it has not within {@code timeout}, saying where it stands
     */
    public void awaitCaughtUp(long resourceVersion, Duration timeout) {
        if (!await(() -> current() && applied() >= resourceVersion, timeout)) {
            throw new IllegalStateException("cluster " + cluster + ": the Job cache did not catch up with "
                    + "resourceVersion " + resourceVersion + " within " + timeout.toMillis() + " ms (it is at "
                    + Objects.toString(informer.lastSyncResourceVersion(), "no list yet") + ", "
                    + (informer.isWatching() ? "watching" : "not watching") + ")");
        }
    }

    /**
     * Waits until the cache has noticed that it lost its watch (it is no longer {@linkplain #current() current}),
     * as it does when the API server becomes unreachable.
     *
     * @throws IllegalStateException if it still watches after {@code timeout}
     */
    public void awaitDisconnected(Duration timeout) {
        if (!await(() -> !current(), timeout)) {
            throw new IllegalStateException("cluster " + cluster + ": the Job cache still watches " + timeout.toMillis()
                    + " ms after its API server went away");
        }
    }

    /** Stops the informer; the cache is not current any more. */
    @Override
    public void close() {
        informer.close();
    }

    @Override
    public String toString() {
        return "JobCache[" + cluster + " at " + resourceVersion() + (current() ? "" : ", not current") + "]";
    }

    private long applied() {
        String version = informer.lastSyncResourceVersion();
        try {
            return version == null ? -1 : Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cluster " + cluster + ": resourceVersion " + Names.quote(version)
                    + " is not a number; only a harness whose server numbers its versions may wait on them", e);
        }
    }

    /**
     * The store's Jobs sorted by name, read again only when the informer has applied a change since the last read
     * (a scheduler reads every cluster's Jobs at each pass, and most passes find most clusters unchanged) and sorted
     * again only when a Job came or went. The informer
     * updates its store before it moves {@code lastSyncResourceVersion}, so a read that finds the version it was taken
     * at reads a store no newer than the snapshot.
     */
    private Snapshot snapshot() {
        requireCurrent();
        String version = informer.lastSyncResourceVersion();
        Snapshot last = snapshot;
        if (last != null && last.version().equals(version)) {
            return last;
        }
        Snapshot fresh = Snapshot.of(Objects.toString(version, ""), informer.getStore().list(), last);
        snapshot = fresh;
        return fresh;
    }

    /**
     * What {@link #sessionJobs()} and {@link #unsettledSessionJobs()} return at one resourceVersion, and how it was
     * read from the store: {@code jobs.get(k)} is {@code listed.get(order[k])}, and {@code unsettledAt[k]} says whether
     * it is {@linkplain SessionJobs#unsettled unsettled}.
     */
    private record Snapshot(String version, List<Job> jobs, List<Job> unsettledJobs, List<Job> listed, int[] order,
            boolean[] unsettledAt) {

        /**
         * The snapshot of {@code listed}, from {@code last} where it can. The informer replaces a Job it updates and
         * keeps the others, and its store lists them in the same order while the same names stay, so after most
         * changes every position holds the same name as in the last read: the Jobs then keep the last read's name
         * order, and only the Jobs that are new objects are judged again.
         */
        static Snapshot of(String version, List<Job> listed, Snapshot last) {
            int n = listed.size();
            Snapshot kept = last != null && sameNamesInPlace(last.listed, listed) ? last : null;
            int[] order = kept != null ? kept.order : byName(listed);
            Job[] jobs = new Job[n];
            boolean[] unsettled = new boolean[n];
            for (int k = 0; k < n; k++) {
                Job job = listed.get(order[k]);
                jobs[k] = job;
                unsettled[k] = kept != null && job == kept.jobs.get(k) ? kept.unsettledAt[k]
                        : SessionJobs.unsettled(job);
            }
            return new Snapshot(version, List.of(jobs), unsettledOf(jobs, unsettled), listed, order, unsettled);
        }

        /** The positions of {@code listed}'s Jobs in name order. */
        private static int[] byName(List<Job> listed) {
            Integer[] positions = new Integer[listed.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
            Arrays.sort(positions, Comparator.comparing(i -> listed.get(i).getMetadata().getName()));
            int[] order = new int[positions.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = positions[k];
            }
            return order;
        }

        /** Whether both lists hold Jobs of the same names at the same positions (names are unique in a namespace). */
        private static boolean sameNamesInPlace(List<Job> before, List<Job> now) {
            if (before.size() != now.size()) {
                return false;
            }
            for (int i = 0; i < now.size(); i++) {
                Job a = before.get(i);
                Job b = now.get(i);
                if (a != b && !a.getMetadata().getName().equals(b.getMetadata().getName())) {
                    return false;
                }
            }
            return true;
        }

        private static List<Job> unsettledOf(Job[] jobs, boolean[] unsettled) {
            List<Job> found = new ArrayList<>();
            for (int k = 0; k < jobs.length; k++) {
                if (unsettled[k]) {
                    found.add(jobs[k]);
                }
            }
            return Collections.unmodifiableList(found);
        }
    }

    private void requireCurrent() {
        if (!current()) {
            throw new KubeApiException(cluster, "read session jobs from the cache", KubeApiException.NO_RESPONSE, true,
                    informer.hasSynced() ? "its watch is lost (reconnecting)" : "it has not listed the Jobs yet",
                    null, null);
        }
    }

    /** Whether {@code done} holds within {@code timeout}, looked at after each change the informer applies. */
    private boolean await(BooleanSupplier done, Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                if (left <= 0) {
                    return false;
                }
                long slice = Math.min(left, RECHECK_NANOS);
                left -= slice - Math.max(0, changed.awaitNanos(slice));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cluster " + cluster + ": interrupted while waiting for the Job cache", e);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the waits when the informer applied a change. */
    private final class Signal implements ResourceEventHandler<Job> {
        @Override
        public void onAdd(Job job) {
            wake();
        }

        @Override
        public void onUpdate(Job before, Job after) {
            wake();
        }

        @Override
        public void onDelete(Job job, boolean finalStateUnknown) {
            wake();
        }

        private void wake() {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
