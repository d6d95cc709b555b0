package dev.ferry.tracker.checkpoint;

import java.io.IOException;

/** The checkpoint file already holds a generation as new as the one about to be written: another writer was there. */
public final class StaleGenerationException extends IOException {

    public StaleGenerationException(String message) {
        super(message);
    }
}
