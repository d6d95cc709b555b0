package dev.ferry.load;

import java.io.IOException;
import java.io.UncheckedIOException;

/** What every simulation does at its end: file the generations its agents saw acknowledged. */
final class LoadRun {

    private LoadRun() {
    }

    static void afterSimulation(Class<?> simulation) {
        try {
            Acknowledged.write(LoadSettings.dir(), simulation.getSimpleName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
