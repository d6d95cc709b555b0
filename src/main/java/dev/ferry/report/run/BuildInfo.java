package dev.ferry.report.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Ferry version and git commit this build came from: the build writes them into {@code ferry-git.properties}
 * on the class path (from the clone's .git, so a clean clone has them); "unknown" for a build without git.
 *
 * @param dirty whether the work tree had changes not committed when it was built
 */
public record BuildInfo(String version, String commit, boolean dirty) {

    private static final String RESOURCE = "/ferry-git.properties";

    /** What this build knows of itself. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unreadable: reported as unknown
        }
        return new BuildInfo(p.getProperty("git.build.version", "unknown"), p.getProperty("git.commit.id", "unknown"),
                Boolean.parseBoolean(p.getProperty("git.dirty", "false")));
    }

    /** The commit, with "+ changes" when the tree was dirty. */
    public String describeCommit() {
        return commit + (dirty ? " + changes not committed" : "");
    }
}
