package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The restore judges each package by scanning the environment after pip, attributes failures to
 * packages, and rebases the checkpoint only when everything ended as wanted. Pip is a fake that
 * edits an in-memory site-packages the way pip does (all or nothing per command).
 */
@DisplayName("Restore judges every package by the scan afterwards and rebases the checkpoint only on full success")
class RestoreVerdictTest {

    private static final String TARGET = "/new/venv/lib/python3.11/site-packages";

    private final SimulatedEnvironment site = new SimulatedEnvironment(TARGET);
    private final FakePip pip = new FakePip(site);
    private final MemoryCheckpointStore store = new MemoryCheckpointStore();
    private final ManualTime clock = new ManualTime(0, 1_800_000_000_000L);
    private final Restore restore = new Restore(pip, site, store, clock);

    /** The user, on an old container: added alpha and beta, upgraded gamma, removed delta; also an R library. */
    private final Checkpoint checkpoint = new Checkpoint(7, 0, List.of(
            new EnvironmentState("/old/venv/site-packages", EnvironmentKind.PYTHON,
                    PackageSet.of(Map.of("pip", "23.2.1", "gamma", "1.0", "delta", "1.0")),
                    PackageSet.of(Map.of("pip", "23.2.1", "gamma", "2.0", "alpha", "1.0", "beta", "2.0"))),
            new EnvironmentState("/usr/lib/R/library", EnvironmentKind.R, PackageSet.EMPTY,
                    PackageSet.of(Map.of("ggplot2", "3.5.0")))));

    RestoreVerdictTest() {
        // the new image has pip 24.0, gamma 1.0 and delta 1.0
        pip.put("pip", "24.0");
        pip.put("gamma", "1.0");
        pip.put("delta", "1.0");
    }

    @Test
    @DisplayName("when every package ends as wanted: one line each, and the next generation is rebased on the image")
    void completeRestore() throws Exception {
        pip.available.addAll(List.of("alpha==1.0", "beta==2.0", "gamma==2.0"));

        RestoreReport report = restore.run(checkpoint, Optional.empty(), false);

        assertEquals(List.of(
                "skipped r /usr/lib/R/library: R libraries are not restored by this command",
                "removed delta",
                "installed alpha==1.0",
                "installed beta==2.0",
                "installed gamma==2.0",
                "restored 4 package(s) (3 installed, 1 removed, 0 already as wanted) in " + TARGET
                        + "; wrote checkpoint generation 8 rebased on this image"), report.lines());
        assertTrue(report.succeeded());
        assertEquals(List.of("uninstall [delta]", "install [alpha==1.0, beta==2.0, gamma==2.0]"), pip.calls);
        Checkpoint written = store.load().orElseThrow();
        assertEquals(8, written.generation());
        assertEquals(1_800_000_000_000L, written.writtenAtEpochMillis());
        EnvironmentState python = written.environments().get(0);
        assertEquals(TARGET, python.location());
        assertEquals(PackageSet.of(Map.of("pip", "24.0", "gamma", "1.0", "delta", "1.0")), python.baseline());
        assertEquals(PackageSet.of(Map.of("pip", "24.0", "gamma", "2.0", "alpha", "1.0", "beta", "2.0")), python.current());
        assertEquals(checkpoint.environments().get(1), written.environments().get(1), "the R library is kept as it was");
    }

    @Test
    @DisplayName("when one package cannot be installed: the failed command is split until the failure is found, which names it; nothing is written")
    void attributesFailures() throws Exception {
        pip.available.addAll(List.of("alpha==1.0", "gamma==2.0"));

        RestoreReport report = restore.run(checkpoint, Optional.empty(), false);

        assertEquals(List.of("uninstall [delta]", "install [alpha==1.0, beta==2.0, gamma==2.0]",
                "install [alpha==1.0]", "install [beta==2.0]", "install [gamma==2.0]"), pip.calls);
        assertTrue(report.lines().contains("installed alpha==1.0"), report.lines().toString());
        assertTrue(report.lines().contains(
                "failed beta==2.0: ERROR: No matching distribution found for beta==2.0"), report.lines().toString());
        assertTrue(report.summary().startsWith("restore incomplete: 1 of 4 package(s) failed"), report.summary());
        assertFalse(report.succeeded());
        assertEquals(0, store.writes());
    }

    @Test
    @DisplayName("when pip reports success but the package is not there, the scan decides: failed")
    void distrustsPip() throws Exception {
        pip.available.addAll(List.of("alpha==1.0", "beta==2.0", "gamma==2.0"));
        pip.lies = true;

        RestoreReport report = restore.run(checkpoint, Optional.empty(), false);

        assertTrue(report.lines().contains("failed alpha==1.0: pip reported success, but " + TARGET
                + " does not have alpha"), report.lines().toString());
        assertTrue(report.lines().contains("failed gamma==2.0: pip reported success, but " + TARGET
                + " has gamma 1.0"), report.lines().toString());
        assertTrue(report.lines().contains("failed delta (uninstall): pip reported success, but " + TARGET
                + " has delta 1.0"), report.lines().toString());
        assertEquals(0, store.writes());
    }

    @Test
    @DisplayName("a dry run prints the plan and runs nothing")
    void dryRun() throws Exception {
        pip.put("beta", "2.0");

        RestoreReport report = restore.run(checkpoint, Optional.empty(), true);

        assertEquals(List.of("skipped r /usr/lib/R/library: R libraries are not restored by this command",
                "would-remove delta", "would-install alpha==1.0", "would-install gamma==2.0", "already-present beta==2.0",
                "dry run: would install 2 and remove 1 package(s) in " + TARGET
                        + "; 1 already as wanted; nothing was changed"), report.lines());
        assertEquals(List.of(), pip.calls);
        assertEquals(0, store.writes());
    }

    @Test
    @DisplayName("a checkpoint with an entry pip must not see is refused before pip runs at all")
    void refusesBeforeRunning() {
        Checkpoint evil = new Checkpoint(2, 0, List.of(new EnvironmentState(TARGET, EnvironmentKind.PYTHON,
                PackageSet.EMPTY, PackageSet.of(Map.of("alpha", "1.0", "beta", "--index-url=http://evil")))));

        RestoreException e = assertThrows(RestoreException.class, () -> restore.run(evil, Optional.empty(), false));

        assertTrue(e.getMessage().contains("'added beta --index-url=http://evil'"), e.getMessage());
        assertEquals(List.of(), pip.calls);
        assertEquals(0, store.writes());
    }

    /** Pip over an in-memory site-packages: a command installs all its pins or, if one is unavailable, none. */
    private static final class FakePip implements PipRunner {
        final SimulatedEnvironment site;
        final Set<String> available = new HashSet<>();
        final List<String> calls = new ArrayList<>();
        boolean lies;

        FakePip(SimulatedEnvironment site) {
            this.site = site;
        }

        void put(String name, String version) {
            String info = name + "-" + version + ".dist-info";
            site.writeFile(info + "/METADATA", "Name: " + name + "\nVersion: " + version + "\n\n");
            site.writeFile(info + "/RECORD", "");
        }

        void remove(String name) {
            site.list().stream().filter(e -> e.startsWith(name + "-")).toList().forEach(site::delete);
        }

        @Override
        public PipResult install(List<Pin> pins) {
            calls.add("install " + pins.stream().map(Pin::requirement).toList());
            for (Pin pin : pins) {
                if (!available.contains(pin.requirement())) {
                    return PipResult.failed(1, "ERROR: Could not find a version that satisfies the requirement "
                            + pin.requirement() + "\nERROR: No matching distribution found for " + pin.requirement() + "\n");
                }
            }
            if (!lies) {
                pins.forEach(pin -> {
                    remove(pin.name());
                    put(pin.name(), pin.version());
                });
            }
            return PipResult.ok();
        }

        @Override
        public PipResult uninstall(List<String> names) {
            calls.add("uninstall " + names);
            if (!lies) {
                names.forEach(this::remove);
            }
            return PipResult.ok();
        }
    }
}
