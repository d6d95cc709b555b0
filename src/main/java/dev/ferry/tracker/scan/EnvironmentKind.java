package dev.ferry.tracker.scan;

import java.io.IOException;
import java.util.List;

/** The kinds of environment the tracker understands. */
public enum EnvironmentKind {
    /** A Python {@code site-packages} (or {@code dist-packages}) directory. */
    PYTHON,
    /** An R library directory: one folder per package, each with a {@code DESCRIPTION}. */
    R;

    /**
     * Tells which kind {@code view} is, or throws {@link NotAnEnvironmentException} with a message
     * that says what was looked for.
     */
    public static EnvironmentKind detect(EnvironmentView view) throws IOException, NotAnEnvironmentException {
        List<String> entries = view.list();
        String location = view.location();
        String name = location.substring(location.lastIndexOf('/') + 1);
        if (name.equals("site-packages") || name.equals("dist-packages")) {
            return PYTHON;
        }
        for (String entry : entries) {
            if (entry.endsWith(".dist-info") || entry.endsWith(".egg-info")) {
                return PYTHON;
            }
        }
        for (String entry : entries) {
            if (entry.startsWith("00LOCK") || view.isFile(entry + "/DESCRIPTION")) {
                return R;
            }
        }
        throw new NotAnEnvironmentException(location + " is neither a Python environment (no *.dist-info or *.egg-info,"
                + " not named site-packages) nor an R library (no package folder with a DESCRIPTION);"
                + " give the site-packages directory of a venv or an R library directory");
    }
}
