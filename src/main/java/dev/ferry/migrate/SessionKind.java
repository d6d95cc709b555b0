package dev.ferry.migrate;

import java.util.Arrays;
import java.util.Optional;

/** What a session runs; {@link #label()} is the value of the {@code ferry.dev/kind} label. */
public enum SessionKind {
    JUPYTER,
    RSTUDIO;

    /** The lower-case name used in labels and workloads: {@code jupyter}, {@code rstudio}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind whose {@link #label()} is {@code label}, if any. */
    public static Optional<SessionKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
    }
}
