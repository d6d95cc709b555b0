package dev.ferry.cli;

import dev.ferry.sim.sweep.Sweep;
import dev.ferry.sim.sweep.job.SweepJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a sweep's Indexed Job ({@link SweepJob}) to a file, whole or not at all. */
final class SweepJobFile {

    private SweepJobFile() {
    }

    static void write(Sweep sweep, Path sweepFile, Path out, String image, Integer parallelism, String claim,
            long heapBytes) {
        Path relative = sweepFile.isAbsolute() ? Path.of("").toAbsolutePath().relativize(sweepFile) : sweepFile;
        relative = relative.normalize();
        if (relative.startsWith("..") || relative.toString().isEmpty()) {
            throw new UserError(sweepFile + " is outside this folder; the pods find the sweep file at the same"
                    + " path inside the image, so give it as a path inside the repository (e.g. sim/...)", 2);
        }
        if (parallelism != null && parallelism < 1) {
            throw new UserError("--parallelism must be at least 1, was " + parallelism, 2);
        }
        if (image.isBlank() || claim.isBlank()) {
            throw new UserError("--image and --results-volume must not be empty", 2);
        }
        SweepJob job = new SweepJob(SweepJob.jobName(sweep.name()), relative.toString().replace('\\', '/'),
                sweep.runCount(), parallelism == null ? sweep.runCount() : parallelism, image, claim, heapBytes);
        Path target = out.toAbsolutePath().normalize();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(partial, "# The Indexed Job of the sweep " + relative + ": written by 'ferry sim sweep"
                    + " --kubernetes-job'; apply with 'kubectl apply -f'.\n" + job.yaml(), StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                throw new UserError("cannot remove " + partial + ": " + e.getMessage());
            }
        }
    }
}
