package dev.ferry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.tracker.PackageName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real Python environments and real wheels for tests, entirely offline.
 *
 * <ul>
 *   <li>{@link #venv(Path)} makes a venv (pip and setuptools from {@code ensurepip}) in a directory,
 *       typically a JUnit {@code @TempDir}. The first call in a JVM runs {@code python3 -m venv}
 *       (about 5 s) in a directory of its own, deleted when the JVM exits; later calls copy that
 *       venv (well under a second), which Python accepts because a venv is located by the
 *       {@code pyvenv.cfg} next to its interpreter, not by the path it was made at.</li>
 *   <li>{@link #buildWheel} writes a small valid wheel (package, {@code METADATA}, {@code WHEEL},
 *       {@code RECORD} with sha256 hashes) that pip installs with {@code --no-index --find-links DIR}.</li>
 *   <li>{@link #pip} runs {@code python -m pip} isolated from the machine's pip configuration
 *       ({@code PIP_*} variables and {@code pip.conf} files are ignored), so a test sees only the
 *       wheels it built.</li>
 * </ul>
 *
 * The interpreter used to make venvs is {@code python3} on PATH, or the system property
 * {@code ferry.test.python}. Tests that need it call {@link #require()}, which fails, never skips, where
 * there is none: {@code .ci/run} installs it on a fresh machine.
 */
public final class PythonFixtures {

    /** A venv: its directory, its interpreter ({@code bin/python}) and its site-packages. */
    public record Venv(Path dir, Path python, Path purelib) {
    }

    /** How a child process ended. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {

        /** Throws with the command and its standard error unless it exited 0. */
        public Result orThrow() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + exitCode + ":\n" + stderr + stdout);
            }
            return this;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PURELIB = "import sysconfig; print(sysconfig.get_paths()['purelib'])";

    private static Venv template;
    private static Boolean available;

    private PythonFixtures() {
    }

    /** Fails the calling test unless a Python that can make venvs with pip is on this machine. */
    public static void require() {
        if (!available()) {
            throw new AssertionError(basePython() + " cannot make venvs with pip (import venv, ensurepip failed):"
                    + " install python3 and python3-venv, as .ci/run does, or point -Dferry.test.python at one that can");
        }
    }

    private static synchronized boolean available() {
        if (available == null) {
            try {
                available = run(List.of(basePython(), "-c", "import venv, ensurepip"), null).exitCode() == 0;
            } catch (UncheckedIOException e) {
                available = false;
            }
        }
        return available;
    }

    /**
     * A fresh venv at {@code dir} (created; it must not exist or be empty) with pip and setuptools
     * as {@code ensurepip} provides them.
     */
    public static Venv venv(Path dir) {
        Venv source = template();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + " is not empty");
                    }
                }
            }
            copyTree(source.dir(), dir);
            retargetScripts(dir.resolve("bin"), source.dir().toString(), dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path python = dir.resolve("bin/python");
        String purelib = run(List.of(python.toString(), "-c", PURELIB), null).orThrow().stdout().strip();
        return new Venv(dir, python, Path.of(purelib));
    }

    /**
     * Writes {@code NAME-VERSION-py3-none-any.whl} into {@code outDir} and returns its path. The
     * wheel holds a package named after the distribution ({@code -} and {@code .} become
     * {@code _}) with an {@code __init__.py} and {@code modules} more modules {@code m0.py} ...,
     * and declares {@code requires} as {@code Requires-Dist}.
     */
    public static Path buildWheel(Path outDir, String name, String version, int modules, String... requires) {
        String escaped = name.replaceAll("[-_.]+", "_");
        String pkg = name.replaceAll("[-.]", "_").toLowerCase();
        String distInfo = escaped + "-" + version + ".dist-info";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(pkg + "/__init__.py", ("__version__ = \"" + version + "\"\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < modules; i++) {
            files.put(pkg + "/m" + i + ".py", ("VALUE = " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder metadata = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        for (String requirement : requires) {
            metadata.append("Requires-Dist: ").append(requirement).append('\n');
        }
        metadata.append('\n');
        files.put(distInfo + "/METADATA", metadata.toString().getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: ferry-tests\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        files.forEach((path, bytes) -> record.append(path).append(",sha256=").append(sha256(bytes)).append(',')
                .append(bytes.length).append('\n'));
        record.append(distInfo).append("/RECORD,,\n");
        files.put(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = outDir.resolve(escaped + "-" + version + "-py3-none-any.whl");
        try {
            Files.createDirectories(outDir);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(file.getKey()));
                    zip.write(file.getValue());
                    zip.closeEntry();
                }
            }
            Files.write(wheel, buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wheel;
    }

    /** Runs {@code python -m pip ARGS} isolated from the machine's pip configuration; see {@link Result#orThrow()}. */
    public static Result pip(Path python, String... args) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pip"));
        command.addAll(List.of(args));
        return run(command, null);
    }

    /** {@code pip install --no-index --find-links WHEELS REQUIREMENTS}, failing the test if pip fails. */
    public static void installOffline(Path python, Path wheels, String... requirements) {
        List<String> args = new ArrayList<>(List.of("install", "--no-index", "--find-links", wheels.toString()));
        args.addAll(List.of(requirements));
        pip(python, args.toArray(String[]::new)).orThrow();
    }

    /** What {@code pip list --format=json} reports, names normalized as PEP 503 does, sorted. */
    public static Map<String, String> pipList(Path python) {
        String json = pip(python, "list", "--format=json").orThrow().stdout();
        Map<String, String> installed = new TreeMap<>();
        try {
            for (JsonNode entry : JSON.readTree(json)) {
                installed.put(PackageName.normalize(entry.get("name").asText()), entry.get("version").asText());
            }
        } catch (IOException e) {
            throw new AssertionError("pip list printed no JSON: " + json, e);
        }
        return installed;
    }

    /**
     * Runs a command with the pip- and Python-related environment variables removed and pip's
     * configuration files disabled, waiting at most two minutes.
     *
     * @param workDir the working directory, or {@code null} for this process's
     */
    public static Result run(List<String> command, Path workDir) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("ferry-fixture-");
            Path out = scratch.resolve("stdout");
            Path err = scratch.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("PIP_") || k.equals("VIRTUAL_ENV") || k.equals("PYTHONPATH")
                    || k.equals("PYTHONHOME"));
            env.put("PIP_CONFIG_FILE", "/dev/null");
            env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
            env.put("PIP_NO_INPUT", "1");
            env.put("PYTHONNOUSERSITE", "1");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT.toSeconds() + " s");
            }
            return new Result(List.copyOf(command), process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
    }

    /** Deletes a directory tree, quietly; for cleaning up after a test. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left for the temporary directory's own cleanup
        }
    }

    private static String basePython() {
        return System.getProperty("ferry.test.python", "python3");
    }

    private static synchronized Venv template() {
        if (template == null) {
            try {
                Path root = Files.createTempDirectory("ferry-venv-template-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
                Path dir = root.resolve("venv");
                // --copies: no symbolic link out of the test's temporary directory (JUnit warns when it
                // deletes one); interpreters that only work where they were built fall back to links
                if (run(List.of(basePython(), "-m", "venv", "--copies", dir.toString()), null).exitCode() != 0) {
                    deleteTree(dir);
                    run(List.of(basePython(), "-m", "venv", dir.toString()), null).orThrow();
                }
                template = new Venv(dir, dir.resolve("bin/python"), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Points the console scripts' shebang lines (pip, pip3) at the copy. */
    private static void retargetScripts(Path bin, String from, String to) throws IOException {
        try (Stream<Path> scripts = Files.list(bin)) {
            for (Path script : scripts.toList()) {
                if (Files.isSymbolicLink(script) || !Files.isRegularFile(script)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(script);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                if (text.startsWith("#!") && text.contains(from)) {
                    Files.write(script, text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
