package dev.ferry.sim.migration;

import dev.ferry.api.control.LeaseHolder;
import dev.ferry.api.control.LeaseOutcome;
import dev.ferry.api.control.SessionLeases;
import dev.ferry.des.Kernel;
import dev.ferry.migrate.reconcile.LeaseReadings;
import dev.ferry.migrate.reconcile.LeaseStatus;
import dev.ferry.sim.VirtualTime;
import dev.ferry.sim.workload.Workload;
import dev.ferry.tracker.lease.LeaseAgent;
import dev.ferry.tracker.lease.LeaseAnswer;
import dev.ferry.tracker.lease.LeaseLink;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Which instance of each session may be usable. An instance is the session's task on the source ({@link
 * LeaseStatus#SOURCE}) or its pod on a target cluster (the cluster's name). Without leases an instance is brought up
 * as soon as its task or pod runs. With leases each instance runs the product's {@link LeaseAgent} on the kernel
 * against the control plane's {@link SessionLeases}: it is brought up (its container restores and becomes usable)
 * only once its agent holds the lease, and taken down when its agent fences it; an instance on a cluster that an
 * outage cuts off cannot reach the control plane ({@code cutOff}), so its renewals fail. Only the instance that
 * holds the lease owns the session's container: an instance that ends without having held it (a pod refused because
 * the source took the session over) takes nothing down.
 */
final class SessionInstances {

    /** What bringing an instance up or taking it down does to the session (the world's part). */
    record Sessions(BiConsumer<Integer, String> bringUp, BiConsumer<Integer, String> takeDown) {
    }

    private final Kernel kernel;
    private final SessionIds ids;
    private final Sessions sessions;
    private final Timings timings;
    private final SessionLeases leases;
    private final Predicate<String> cutOff;
    private final LeaseReadings readings;
    private final Map<String, LeaseAgent> agents = new HashMap<>();
    private final String[] owner;
    private final int[] instances;
    private long fenced;
    private long fencedWhileCutOff;

    /** How often an agent renews its lease, and retries a renewal that failed or was refused, in nanos. */
    record Timings(long renewNanos, long retryNanos) {
    }

    /**
     * With the workload's {@code leases} if it gives them (agents retry a failed renewal every 10 s, or every renewal
     * period if that is shorter), else without: every instance that runs is brought up, every one that stops taken
     * down.
     */
    static SessionInstances of(Optional<Workload.Leases> config, Kernel kernel, SessionIds ids, Sessions sessions,
            Predicate<String> cutOff) {
        if (config.isEmpty()) {
            return new SessionInstances(kernel, ids, sessions, null, null, LeaseReadings.NONE, place -> false);
        }
        Workload.Leases l = config.get();
        SessionLeases leases = new SessionLeases(kernel, Math.round(l.ttlSeconds() * 1000));
        long renew = Math.round(l.renewSeconds() * VirtualTime.SECOND);
        return new SessionInstances(kernel, ids, sessions, new Timings(renew, Math.min(renew, 10 * VirtualTime.SECOND)),
                leases, new LeaseReadings(leases, Math.round(l.marginSeconds() * 1000)), cutOff);
    }

    /**
     * With leases: every session's source instance (running since time 0) starts its agent within the first renewal
     * period, spread evenly.
     */
    private SessionInstances(Kernel kernel, SessionIds ids, Sessions sessions, Timings timings, SessionLeases leases,
            LeaseReadings readings, Predicate<String> cutOff) {
        this.readings = readings;
        this.kernel = kernel;
        this.ids = ids;
        this.sessions = sessions;
        this.timings = timings;
        this.leases = leases;
        this.cutOff = cutOff;
        owner = new String[ids.size()];
        instances = new int[ids.size()];
        java.util.Arrays.fill(owner, LeaseStatus.SOURCE);
        if (timings != null) {
            for (int i = 0; i < ids.size(); i++) {
                int session = i;
                LeaseAgent agent = agent(i, LeaseStatus.SOURCE);
                agents.put(key(i, LeaseStatus.SOURCE), agent);
                kernel.schedule(kernel.nanos() + timings.renewNanos() * i / ids.size(), () -> {
                    if (agents.get(key(session, LeaseStatus.SOURCE)) == agent) {
                        agent.start();
                    }
                });
            }
        }
    }

    /** The instance at {@code place} runs (the task RUNNING, the pod Running). */
    void started(int i, String place) {
        if (timings == null) {
            sessions.bringUp().accept(i, place);
            return;
        }
        LeaseAgent previous = agents.remove(key(i, place));
        if (previous != null) {
            previous.stop();
        }
        LeaseAgent agent = agent(i, place);
        agents.put(key(i, place), agent);
        agent.start();
    }

    /** The instance at {@code place} stopped running (its task or pod ended or was stopped). */
    void ended(int i, String place) {
        LeaseAgent agent = agents.remove(key(i, place));
        if (agent != null) {
            agent.stop();
        }
        if (timings == null) {
            sessions.takeDown().accept(i, place);
        } else if (place.equals(owner[i])) {
            owner[i] = null;
            sessions.takeDown().accept(i, place);
        }
    }

    /** What the scheduler reads of the leases ({@link LeaseReadings#NONE} without them). */
    LeaseReadings readings() {
        return readings;
    }

    /** Instances fenced by their agents, and of those the ones whose cluster was cut off at that moment. */
    Optional<MigrationOutcome.Fencing> fencing(Optional<Workload.Leases> config) {
        return config.map(l -> new MigrationOutcome.Fencing(fenced, fencedWhileCutOff, l.ttlSeconds(),
                l.marginSeconds()));
    }

    private LeaseAgent agent(int i, String place) {
        LeaseHolder holder = new LeaseHolder(place, "i" + (++instances[i]));
        String sessionId = ids.id(i);
        LeaseLink link = new LeaseLink() {
            @Override
            public void renew(Consumer<LeaseAnswer> answered) {
                if (cutOff.test(place)) {
                    answered.accept(new LeaseAnswer.Failed("the control plane is unreachable from " + place));
                    return;
                }
                LeaseOutcome outcome = leases.renew(sessionId, holder);
                answered.accept(outcome instanceof LeaseOutcome.Granted g
                        ? new LeaseAnswer.Granted(g.ttlMillis() * VirtualTime.MILLISECOND)
                        : new LeaseAnswer.HeldByAnother(((LeaseOutcome.HeldByAnother) outcome).place()));
            }

            @Override
            public void release() {
                if (!cutOff.test(place)) {
                    leases.release(sessionId, holder);
                }
            }
        };
        return new LeaseAgent(kernel, kernel, Runnable::run, link, timings.renewNanos(),
                timings.retryNanos(), new LeaseAgent.Listener() {
                    @Override
                    public void acquired() {
                        if (owner[i] == null) {
                            owner[i] = place;
                            sessions.bringUp().accept(i, place);
                        } else if (!owner[i].equals(place)) {
                            // the lease is exclusive, so this cannot happen; if it did, both would be usable and the
                            // ledger would count the session as double-running
                            sessions.bringUp().accept(i, place);
                        }
                    }

                    @Override
                    public void fenced() {
                        fenced++;
                        fencedWhileCutOff += cutOff.test(place) ? 1 : 0;
                        if (place.equals(owner[i])) {
                            owner[i] = null;
                            sessions.takeDown().accept(i, place);
                        }
                    }
                });
    }

    private static String key(int i, String place) {
        return i + "/" + place;
    }
}
