package dev.ferry.load;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointFormat;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoint texts as the tracker writes them, made by the tracker's own {@link CheckpointFormat}: an image of 180
 * Python distributions and 120 R packages ({@code model/population.yaml}), and a user who added a package with
 * every generation so far (up to 40 kept), so each generation's text differs and has its own checksum.
 *
 * <p>Every agent of a run counts its generations up from the same base, so agents at the same generation send the
 * same text: {@link #of} makes each generation's text once (written when it was first asked for), already encoded as
 * the UTF-8 bytes of the request body, and hands the same bytes to every agent after. Encoding 300 lines and their
 * checksum for each of thousands of requests a second, and even the text's UTF-8 encoding per request, took Gatling
 * a share of the two cores the server under test needs.
 */
final class CheckpointTexts {

    private static final ConcurrentHashMap<Long, byte[]> BY_GENERATION = new ConcurrentHashMap<>();

    private static final PackageSet PYTHON_BASELINE = numbered("dist-", 180);
    private static final PackageSet R_BASELINE = numbered("rpkg", 120);
    private static final String PYTHON = "/opt/venv/lib/python3.11/site-packages";
    private static final String R = "/home/jovyan/R/library";

    private CheckpointTexts() {
    }

    /**
     * The UTF-8 bytes of the text of {@code generation}, made the first time any agent asks for it, written then.
     * Shared: never change them.
     */
    static byte[] of(long generation) {
        return BY_GENERATION.computeIfAbsent(generation,
                g -> text(g, System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
    }

    /** The checkpoint text of {@code generation}, written at {@code epochMillis}. */
    static String text(long generation, long epochMillis) {
        TreeMap<String, String> now = new TreeMap<>(PYTHON_BASELINE.asMap());
        for (long g = Math.max(1, generation - 39); g <= generation; g++) {
            now.put("user-pkg-" + (g % 97), "1.0." + g);
        }
        Checkpoint checkpoint = new Checkpoint(generation, epochMillis, List.of(
                new EnvironmentState(PYTHON, EnvironmentKind.PYTHON, PYTHON_BASELINE, PackageSet.of(now)),
                new EnvironmentState(R, EnvironmentKind.R, R_BASELINE, R_BASELINE)));
        return CheckpointFormat.encode(checkpoint);
    }

    private static PackageSet numbered(String prefix, int count) {
        TreeMap<String, String> packages = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            packages.put(String.format("%s%03d", prefix, i), "1." + i % 7 + "." + i % 11);
        }
        return PackageSet.of(packages);
    }
}
