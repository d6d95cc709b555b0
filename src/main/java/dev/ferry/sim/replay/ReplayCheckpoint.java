package dev.ferry.sim.replay;

import dev.ferry.tracker.PackageSet;

/** A checkpoint the tracker wrote during a replay, at trace time {@code t}. */
public record ReplayCheckpoint(long t, PackageSet packages) {
}
