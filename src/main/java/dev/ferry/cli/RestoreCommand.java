package dev.ferry.cli;

import dev.ferry.time.SystemClock;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.CheckpointLock;
import dev.ferry.tracker.checkpoint.CheckpointLockedException;
import dev.ferry.tracker.checkpoint.FileCheckpointStore;
import dev.ferry.tracker.restore.CheckpointValidation;
import dev.ferry.tracker.restore.ProcessPipRunner;
import dev.ferry.tracker.restore.Requirements;
import dev.ferry.tracker.restore.Restore;
import dev.ferry.tracker.restore.RestoreException;
import dev.ferry.tracker.restore.RestoreReport;
import dev.ferry.tracker.scan.DiskEnvironmentView;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry restore}: re-applies a checkpoint to the environment of a Python interpreter on a new image. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        customSynopsis = {"ferry restore --checkpoint=FILE --python=PATH [--env=DIR] [--dry-run]",
            "              [--timeout=SECONDS] [-- PIP_ARGS...]"},
        description = {
            "Re-applies what the user did in a checkpoint's Python environment to the",
            "environment of a Python interpreter, typically on a new container built from a",
            "newer image: packages the user added or changed are installed at the user's",
            "version (pip install --no-deps name==version), packages the user removed are",
            "uninstalled, and packages the user never touched stay as the image has them.",
            "",
            "The checkpoint environment restored is the one given with --env; else the one",
            "recorded at the interpreter's site-packages; else the checkpoint's only Python",
            "environment. R libraries are never touched (the output says so if any).",
            "",
            "Nothing runs unless the whole checkpoint is trustworthy: its checksum matches,",
            "every package name is a PEP 508 name and every version a PEP 440 version.",
            "One bad entry refuses the whole checkpoint, and the error names it. A checkpoint",
            "over 16 MiB or with more than 100,000 entries in one environment is refused too.",
            "",
            "Pip runs over many packages at once (about 100 KB of arguments per command); a",
            "command that fails is split in halves until the packages that fail are found.",
            "On a terminal, progress goes to standard error about once a second.",
            "Each package is judged by scanning the site-packages afterwards, not by pip's",
            "exit status. Prints one line per package, then a summary:",
            "  installed NAME==VERSION        removed NAME",
            "  already-present NAME==VERSION  already-absent NAME",
            "  failed NAME==VERSION: REASON   (REASON: the last line pip printed)",
            "When every package ended as wanted, writes the next checkpoint generation,",
            "rebased on this image: the image as found becomes the baseline and the",
            "interpreter's site-packages the location; FILE.prev keeps the generation",
            "restored from. Otherwise the checkpoint is left as it was.",
            ""
        },
        footer = {"", "Example, offline from a directory of wheels:",
            "  ferry restore --checkpoint ~/.ferry/checkpoint --python /opt/venv/bin/python \\",
            "      -- --no-index --find-links /wheels",
            "",
            "Exit status: 0 when every package was restored (with --dry-run: planned);",
            "1 when a package failed; 2 for bad options, an interpreter that does not work,",
            "a checkpoint environment that cannot be chosen, or a checkpoint file that is",
            "missing, damaged, over the limits or refused (an entry pip must not see);",
            "nothing is changed then."})
final class RestoreCommand implements Callable<Integer> {

    private static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "The checkpoint file written by 'ferry track'.")
    Path checkpointFile;

    @Option(names = "--python", required = true, paramLabel = "PATH",
            description = "The interpreter whose environment to restore into, such as"
                    + " /opt/venv/bin/python (a bare name is looked up on PATH).")
    String python;

    @Option(names = "--env", paramLabel = "DIR",
            description = "The location, as recorded in the checkpoint, of the environment to restore; needed when"
                    + " the checkpoint has several Python environments and none is at the interpreter's site-packages.")
    String env;

    @Option(names = "--dry-run", description = "Print what would be installed and removed; change nothing.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "The longest one pip command may run before it is stopped (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(paramLabel = "PIP_ARGS", arity = "0..*",
            description = "After '--': options appended to every 'pip install', e.g. -- --no-index --find-links DIR.")
    List<String> pipArgs = new ArrayList<>();

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
    public Integer call() {
        checkPipArgsFollowSeparator();
        if (timeoutSeconds <= 0 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new UserError("--timeout must be more than 0 seconds and at most " + MAX_TIMEOUT_SECONDS
                    + " (a week)", 2);
        }
        SystemClock clock = new SystemClock();
        // read under the lock, so that the generation written after it is the newest; a missing file is an error below
        try (CheckpointLock lock = dryRun || !Files.exists(checkpointFile) ? null : lock(clock)) {
            Checkpoint checkpoint = CheckpointFiles.loadExact(checkpointFile, prev -> "pass --checkpoint " + prev);
            CheckpointFiles.validate(checkpointFile, checkpoint, CheckpointValidation.Use.RESTORE,
                    "nothing was installed or removed");
            Path interpreter = locate(python);
            Path purelib;
            try {
                purelib = ProcessPipRunner.purelib(interpreter);
            } catch (RestoreException e) {
                throw new UserError(e.getMessage(), 2);
            }
            if (!Files.isDirectory(purelib)) {
                throw new UserError(interpreter + " says its site-packages is " + purelib + ", which is not a directory", 2);
            }
            PrintWriter err = spec.commandLine().getErr();
            FileCheckpointStore store = new FileCheckpointStore(checkpointFile, warning -> {
                err.println("ferry: warning: " + warning);
                err.flush();
            });
            Restore restore = new Restore(new ProcessPipRunner(interpreter, pipArgs, Duration.ofSeconds(timeoutSeconds)),
                    new DiskEnvironmentView(purelib), store, clock,
                    ProgressLine.forTerminal(System.console() != null, err));
            RestoreReport report;
            try {
                report = restore.run(checkpoint, Optional.ofNullable(env), dryRun);
            } catch (RestoreException e) {
                throw new UserError("checkpoint " + checkpointFile + ": " + e.getMessage(), 2);
            } catch (IOException e) {
                throw new UserError("cannot read " + purelib + ": " + e.getMessage(), 1);
            }
            PrintWriter out = spec.commandLine().getOut();
            report.lines().forEach(out::println);
            out.flush();
            return report.succeeded() ? 0 : 1;
        } catch (IOException e) {
            throw new UserError("cannot release the lock of checkpoint " + checkpointFile + ": " + e.getMessage(), 1);
        }
    }

    /** Only one writer per checkpoint: a tracker still running on it (the old container's?) must stop first. */
    private CheckpointLock lock(SystemClock clock) {
        try {
            return CheckpointLock.acquire(checkpointFile, "ferry restore", clock.epochMillis());
        } catch (CheckpointLockedException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (IOException e) {
            throw new UserError("cannot lock checkpoint " + checkpointFile + ": " + e.getMessage(), 2);
        }
    }

    /** Anything positional must come after '--', so a typo is not silently handed to pip. */
    private void checkPipArgsFollowSeparator() {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int separator = original.indexOf("--");
        int afterSeparator = separator < 0 ? 0 : original.size() - separator - 1;
        if (pipArgs.size() != afterSeparator) {
            throw new UserError("unexpected argument '" + Requirements.quote(pipArgs.get(0)) + "'; options for pip go"
                    + " after '--', e.g. -- --no-index --find-links DIR", 2);
        }
    }

    /** A path as given, or a bare name such as {@code python3} found on PATH. */
    private static Path locate(String python) {
        if (python.isEmpty()) {
            throw new UserError("--python must name an interpreter", 2);
        }
        try {
            if (!python.contains("/")) {
                String path = System.getenv("PATH");
                for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                    Path candidate = Path.of(dir.isEmpty() ? "." : dir, python);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
            return Path.of(python);
        } catch (InvalidPathException e) {
            throw new UserError("--python " + Requirements.quote(python) + " is not a path", 2);
        }
    }
}
