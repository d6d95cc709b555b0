package dev.ferry.tracker.restore;

/**
 * What became of one package in a restore, as verified by scanning the environment afterwards.
 *
 * @param version the version installed or wanted; {@code null} for a removal
 * @param detail  why it failed; {@code null} unless {@link Status#FAILED}
 */
public record Outcome(Status status, String name, String version, String detail) {

    /** The first word of the package's output line. */
    public enum Status {
        INSTALLED("installed"),
        REMOVED("removed"),
        ALREADY_PRESENT("already-present"),
        ALREADY_ABSENT("already-absent"),
        WOULD_INSTALL("would-install"),
        WOULD_REMOVE("would-remove"),
        FAILED("failed");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public boolean isRemoval() {
        return version == null;
    }

    /** One output line, e.g. {@code installed numpy==2.4.6}, {@code removed click}, {@code failed scipy==1.17.1: ...}. */
    public String line() {
        String what = isRemoval() ? name : name + "==" + version;
        if (status == Status.FAILED) {
            return "failed " + what + (isRemoval() ? " (uninstall)" : "") + ": " + Requirements.printable(detail);
        }
        return status.word() + " " + what;
    }
}
