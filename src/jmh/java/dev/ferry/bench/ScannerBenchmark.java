package dev.ferry.bench;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.DiskEnvironmentView;
import dev.ferry.tracker.scan.EnvironmentKind;
import dev.ferry.tracker.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tracker's scanner over a real {@code site-packages} of {@value #DISTRIBUTIONS} distributions on disk (a temp
 * folder built at trial start: per distribution a {@code *.dist-info} with METADATA, WHEEL, INSTALLER, RECORD and
 * top_level.txt, its package folder with two modules), read through {@link DiskEnvironmentView}, as
 * {@code ferry track} reads it. One op is one {@link Scanner#scan()}:
 * <ul>
 *   <li>{@code COLD}: the first scan of a tracker, or the scan after the watcher lost events
 *       ({@link Scanner#invalidateAll()}): one listing, then every distribution's RECORD checked and METADATA read;</li>
 *   <li>{@code AFTER_INSTALL}: what follows a checkpointed pip install of one package and its dependencies: the four
 *       top-level entries its events touched invalidated, then a scan that lists the folder, reads those four again
 *       and takes the other 296 from the cache.</li>
 * </ul>
 * The files sit in the page cache after the first pass, as a live environment's metadata does.
 *
 * <p>Run:
 * <pre>{@code
 * mvn -q -Pbench verify -Dmaven.test.skip=true -Djmh.args="ScannerBenchmark"
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScannerBenchmark {

    static final int DISTRIBUTIONS = 300;

    /** The entries one install of a package with one dependency touches: two dist-infos, two packages. */
    private static final String[] TOUCHED = {"pkg_0007-1.2.7.dist-info", "pkg_0007", "pkg_0123-1.2.3.dist-info",
        "pkg_0123"};

    /** The two scans the tracker makes. */
    public enum Kind { COLD, AFTER_INSTALL }

    @Param
    public Kind kind;

    private Path root;
    private Scanner scanner;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("ferry-scan-bench").resolve("site-packages");
        Files.createDirectories(root);
        for (int i = 0; i < DISTRIBUTIONS; i++) {
            writeDistribution(root, i);
        }
        scanner = new Scanner(new DiskEnvironmentView(root), EnvironmentKind.PYTHON);
        PackageSet first = scanner.scan();
        if (first.size() != DISTRIBUTIONS) {
            throw new IllegalStateException("the scanner found " + first.size() + " of " + DISTRIBUTIONS
                    + " distributions in " + root);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        TempFolders.delete(root.getParent());
    }

    @Benchmark
    public PackageSet scan() throws IOException {
        if (kind == Kind.COLD) {
            scanner.invalidateAll();
        } else {
            for (String top : TOUCHED) {
                scanner.invalidate(top);
            }
        }
        return scanner.scan();
    }

    /** One distribution as pip leaves it once its final RECORD is written. */
    static void writeDistribution(Path sitePackages, int i) throws IOException {
        String name = String.format("pkg-%04d", i);
        String module = name.replace('-', '_');
        String version = "1.2." + (i % 10);
        Path info = Files.createDirectory(sitePackages.resolve(module + "-" + version + ".dist-info"));
        Path pkg = Files.createDirectory(sitePackages.resolve(module));
        write(pkg.resolve("__init__.py"), "from ." + module + " import *\n");
        write(pkg.resolve(module + ".py"), "def answer():\n    return " + i + "\n");
        write(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
                + "\nSummary: benchmark distribution " + i + "\nRequires-Python: >=3.8\nLicense: MIT\n\n"
                + "A long description, as most distributions carry one.\n".repeat(40));
        write(info.resolve("WHEEL"), "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.41.2)\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n");
        write(info.resolve("top_level.txt"), module + "\n");
        write(info.resolve("INSTALLER"), "pip\n");
        write(info.resolve("RECORD"), module + "/__init__.py,sha256=abc,30\n" + module + "/" + module
                + ".py,sha256=def,40\n" + info.getFileName() + "/METADATA,,\n" + info.getFileName() + "/RECORD,,\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
