package dev.ferry.tracker.restore;

/**
 * One package to install at an exact version. It can only be built from a name and a version that
 * {@link Requirements} accepts, so {@link #requirement()} is always a plain {@code name==version}.
 */
public record Pin(String name, String version) {

    public Pin {
        if (!Requirements.isValidName(name) || !Requirements.isValidVersion(version)) {
            throw new IllegalArgumentException("not a valid pin: " + Requirements.quote(String.valueOf(name)) + " "
                    + Requirements.quote(String.valueOf(version)));
        }
    }

    /** The argument pip is given: {@code name==version}. */
    public String requirement() {
        return name + "==" + version;
    }
}
