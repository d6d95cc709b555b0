package dev.ferry.sim.kube;

import dev.ferry.migrate.Resources;

/**
 * A node of a {@link FakeKubelet}'s cluster.
 *
 * @param name        {@code <cluster>-<pool>-<index>}
 * @param pool        its node pool
 * @param allocatable what it offers when up
 * @param free        what is not reserved by pods bound to it; {@link Resources#NONE} while it is down
 * @param up          whether it is up
 * @param pods        pods holding capacity on it
 */
public record NodeView(String name, String pool, Resources allocatable, Resources free, boolean up, int pods) {
}
