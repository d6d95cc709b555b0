package dev.ferry.tracker;

/**
 * The environments differ from the checkpoint the tracker was started with: either a new container
 * that was not restored yet, or changes made while no tracker ran. Checkpointing now could
 * overwrite a user's packages with the image's, so the tracker refuses unless told to accept.
 */
public final class TrackerConflictException extends Exception {
    public TrackerConflictException(String message) {
        super(message);
    }
}
