package dev.ferry.cluster.kube;

import dev.ferry.migrate.reconcile.TargetJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reconciler's views of the Jobs a {@link JobCache} returns, made anew only for the Jobs it replaced. A cache
 * keeps each Job as one object until a change replaces it, and returns the same list while nothing changed, so a
 * view made from an object holds as long as the object is returned: between two passes most Jobs are the same
 * objects, and reading their labels, annotations and status again cost a scheduler pass more than deciding.
 * One memo follows one sequence of reads (every Job, or the unsettled ones) and forgets the Jobs it was not given
 * last.
 */
final class JobViews {

    private final Function<Job, Optional<TargetJob>> view;
    private Map<Job, Optional<TargetJob>> byJob = new IdentityHashMap<>();
    private List<Job> lastJobs;
    private List<TargetJob> lastViews = List.of();

    /** @param view the view of one Job, empty if it is not a session's */
    JobViews(Function<Job, Optional<TargetJob>> view) {
        this.view = view;
    }

    /** The views of {@code jobs} in their order, leaving out those that are not a session's. */
    synchronized List<TargetJob> of(List<Job> jobs) {
        if (jobs == lastJobs) {
            return lastViews;
        }
        Map<Job, Optional<TargetJob>> next = new IdentityHashMap<>(jobs.size() * 2);
        List<TargetJob> views = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            Optional<TargetJob> v = byJob.get(job);
            if (v == null) {
                v = view.apply(job);
            }
            next.put(job, v);
            v.ifPresent(views::add);
        }
        byJob = next;
        lastJobs = jobs;
        lastViews = List.copyOf(views);
        return lastViews;
    }
}
