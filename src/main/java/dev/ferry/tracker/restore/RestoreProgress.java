package dev.ferry.tracker.restore;

/**
 * Hears how far a restore's pip commands have come, for a person watching a long restore. Only
 * told, never asked: what it does has no effect on the restore.
 */
public interface RestoreProgress {

    /** Hears nothing. */
    RestoreProgress NONE = (settled, total, commands) -> { };

    /**
     * @param settled  packages whose pip command has ended (installed, removed, or failed)
     * @param total    packages to install or remove in all
     * @param commands pip commands run so far
     */
    void update(int settled, int total, int commands);
}
