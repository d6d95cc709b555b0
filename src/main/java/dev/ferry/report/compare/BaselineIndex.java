package dev.ferry.report.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs of a baseline folder (one sub-folder per run, as {@code reports/baseline/} holds them), found by
 * what they simulated, scenario, strategy and seed, never by folder name: a folder called like the run
 * but holding another strategy's results is not its baseline.
 */
public final class BaselineIndex {

    private final Path folder;
    private final Map<RunKey, RunData> byKey = new LinkedHashMap<>();
    private final Map<String, RunData> byFolderName = new LinkedHashMap<>();

    private BaselineIndex(Path folder) {
        this.folder = folder;
    }

    /** Every run directly under {@code folder}, in folder-name order; the first of two with one key wins. */
    public static BaselineIndex read(Path folder) throws IOException {
        BaselineIndex index = new BaselineIndex(folder);
        List<Path> runs;
        try (Stream<Path> children = Files.list(folder)) {
            runs = children.filter(RunFolder::isRun).sorted().toList();
        }
        for (Path run : runs) {
            RunData data = RunFolder.readResults(run);
            index.byKey.putIfAbsent(data.key(), data);
            index.byFolderName.put(data.folderName(), data);
        }
        return index;
    }

    public Path folder() {
        return folder;
    }

    public int size() {
        return byFolderName.size();
    }

    /** The baseline of a run: the run of the same scenario, strategy and seed, or why there is none. */
    public Match match(RunData run) {
        RunData same = byKey.get(run.key());
        if (same != null) {
            return new Match(same, null);
        }
        StringBuilder why = new StringBuilder("no run of " + run.key().name() + " in " + folder);
        RunData namesake = byFolderName.get(run.folderName());
        if (namesake != null) {
            why.append("; its ").append(namesake.folderName()).append(" is ").append(namesake.key().name())
                    .append(", another run, so it is not compared");
        }
        List<String> sameScenario = new ArrayList<>();
        byKey.keySet().stream().filter(k -> k.scenario().equals(run.key().scenario()))
                .forEach(k -> sameScenario.add(k.group().shortName() + " seed " + k.seed()));
        why.append(sameScenario.isEmpty() ? "; it holds no run of " + run.key().scenario()
                : "; of " + run.key().scenario() + " it holds " + String.join(", ", sameScenario));
        return new Match(null, why.toString());
    }

    /** A run's baseline, or (baseline null) why it has none. */
    public record Match(RunData baseline, String absentBecause) {

        public Optional<RunData> run() {
            return Optional.ofNullable(baseline);
        }
    }
}
