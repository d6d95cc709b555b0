package dev.ferry.tracker;

/**
 * The environments differ from the checkpoint the tracker was started with: either a new container
 * that was not restored yet, or changes made while no tracker ran. Checkpointing now could
 * overwrite a user's packages with the image's, so the tracker refuses unless told to accept.
 */
public final class TrackerConflictException extends Exception {

    private final boolean acceptable;

    /**
     * @param acceptable whether starting with the environments as they are now would resolve it
     *                   (a content difference), as opposed to a checkpoint of other environments
     */
    public TrackerConflictException(String message, boolean acceptable) {
        super(message);
        this.acceptable = acceptable;
    }

    public boolean acceptable() {
        return acceptable;
    }
}
