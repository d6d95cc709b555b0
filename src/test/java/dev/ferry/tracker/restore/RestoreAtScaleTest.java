package dev.ferry.tracker.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sim.MemoryCheckpointStore;
import dev.ferry.sim.fs.SimulatedEnvironment;
import dev.ferry.time.ManualTime;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A restore of thousands of packages runs few pip commands, none longer than the operating system
 * allows, finds the few that fail by splitting failed commands in halves, and says how far it is.
 * Pip is a fake over an in-memory site-packages: a command installs all its pins or, if one of
 * them is unavailable, none (as pip does when it cannot find a distribution).
 */
@DisplayName("Restore at scale: few pip commands, failures found by bisection, progress told")
class RestoreAtScaleTest {

    private static final String TARGET = "/new/venv/lib/python3.11/site-packages";

    private final SimulatedEnvironment site = new SimulatedEnvironment(TARGET);
    private final MemoryCheckpointStore store = new MemoryCheckpointStore();
    private final ManualTime clock = new ManualTime(0, 1_800_000_000_000L);

    @Test
    @DisplayName("2,000 pins with 2 unavailable: both failed, the other 1,998 installed, in at most 25 pip commands")
    void bisectsToTheFailures() throws Exception {
        FailingPip pip = new FailingPip(site, Set.of("pkg-0137==1.0", "pkg-1642==1.0"));
        Checkpoint checkpoint = userAdded(2000, "1.0");

        RestoreReport report = new Restore(pip, site, store, clock).run(checkpoint, Optional.empty(), false);

        assertThat(report.count(Outcome.Status.INSTALLED)).isEqualTo(1998);
        assertThat(report.outcomes()).filteredOn(o -> o.status() == Outcome.Status.FAILED)
                .extracting(Outcome::line)
                .containsExactly("failed pkg-0137==1.0: ERROR: No matching distribution found for pkg-0137==1.0",
                        "failed pkg-1642==1.0: ERROR: No matching distribution found for pkg-1642==1.0");
        assertThat(pip.installs).hasSizeLessThanOrEqualTo(25);
        assertThat(store.writes()).isZero();
    }

    @Test
    @DisplayName("no failure: one pip command per 100 KB of arguments, never one per package")
    void chunksByArgumentBytes() throws Exception {
        FailingPip pip = new FailingPip(site, Set.of());
        String longVersion = "1.0+" + "x".repeat(150);
        Checkpoint checkpoint = userAdded(2500, longVersion);

        RestoreReport report = new Restore(pip, site, store, clock).run(checkpoint, Optional.empty(), false);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.count(Outcome.Status.INSTALLED)).isEqualTo(2500);
        assertThat(pip.installs).hasSize(5);
        assertThat(pip.installs).allSatisfy(pins -> assertThat(pins.stream()
                .mapToInt(p -> p.requirement().length() + 1).sum()).isLessThanOrEqualTo(PipBatches.MAX_ARGUMENT_BYTES));
    }

    @Test
    @DisplayName("uninstalls are batched and bisected the same way")
    void batchesUninstalls() throws Exception {
        TreeMap<String, String> image = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            image.put(name(i), "1.0");
        }
        image.forEach((name, version) -> FailingPip.put(site, name, version));
        FailingPip pip = new FailingPip(site, Set.of("pkg-0500"));
        Checkpoint checkpoint = new Checkpoint(4, 0, List.of(new EnvironmentState(TARGET, EnvironmentKind.PYTHON,
                PackageSet.of(image), PackageSet.EMPTY)));

        RestoreReport report = new Restore(pip, site, store, clock).run(checkpoint, Optional.empty(), false);

        assertThat(report.count(Outcome.Status.REMOVED)).isEqualTo(999);
        assertThat(report.outcomes()).filteredOn(o -> o.status() == Outcome.Status.FAILED).extracting(Outcome::name)
                .containsExactly("pkg-0500");
        assertThat(pip.uninstalls).hasSizeLessThanOrEqualTo(1 + 2 * 10);
    }

    @Test
    @DisplayName("progress: told before the first command, at most once a second of the clock, and after the last")
    void tellsProgress() throws Exception {
        FailingPip pip = new FailingPip(site, Set.of("pkg-0007==1.0"));
        pip.onCommand = () -> clock.advanceTo(clock.nanos() + 400_000_000L);
        List<String> told = new ArrayList<>();
        Restore restore = new Restore(pip, site, store, clock,
                (settled, total, commands) -> told.add(settled + "/" + total + " after " + commands));

        restore.run(userAdded(64, "1.0"), Optional.empty(), false);

        assertThat(told.get(0)).isEqualTo("0/64 after 0");
        assertThat(told.get(told.size() - 1)).isEqualTo("64/64 after " + pip.installs.size());
        assertThat(told.size()).isLessThan(pip.installs.size());
    }

    private static Checkpoint userAdded(int count, String version) {
        TreeMap<String, String> added = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            added.put(name(i), version);
        }
        return new Checkpoint(3, 0, List.of(new EnvironmentState("/old/venv/site-packages", EnvironmentKind.PYTHON,
                PackageSet.EMPTY, PackageSet.of(added))));
    }

    private static String name(int i) {
        return String.format("pkg-%04d", i);
    }

    /** Pip that cannot install or uninstall some packages, and records every command. */
    private static final class FailingPip implements PipRunner {
        final SimulatedEnvironment site;
        final Set<String> failing;
        final List<List<Pin>> installs = new ArrayList<>();
        final List<List<String>> uninstalls = new ArrayList<>();
        Runnable onCommand = () -> { };

        FailingPip(SimulatedEnvironment site, Set<String> failing) {
            this.site = site;
            this.failing = failing;
        }

        static void put(SimulatedEnvironment site, String name, String version) {
            String info = name + "-" + version + ".dist-info";
            site.writeFile(info + "/METADATA", "Name: " + name + "\nVersion: " + version + "\n\n");
            site.writeFile(info + "/RECORD", "");
        }

        @Override
        public PipResult install(List<Pin> pins) {
            installs.add(pins);
            onCommand.run();
            for (Pin pin : pins) {
                if (failing.contains(pin.requirement())) {
                    return PipResult.failed(1, "ERROR: No matching distribution found for " + pin.requirement() + "\n");
                }
            }
            pins.forEach(pin -> put(site, pin.name(), pin.version()));
            return PipResult.ok();
        }

        @Override
        public PipResult uninstall(List<String> names) {
            uninstalls.add(names);
            onCommand.run();
            for (String name : names) {
                if (failing.contains(name)) {
                    return PipResult.failed(1, "ERROR: Cannot uninstall " + name + "\n");
                }
            }
            names.forEach(name -> site.list().stream().filter(e -> e.startsWith(name + "-")).toList()
                    .forEach(site::delete));
            return PipResult.ok();
        }
    }
}
