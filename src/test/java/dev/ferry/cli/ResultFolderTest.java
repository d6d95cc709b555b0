package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result folder holds a whole run or nothing new: files go to a temporary sibling and move in when all are written. */
class ResultFolderTest {

    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("a new folder appears with all its files, and nothing else is left beside it")
    void newFolder() throws Exception {
        Path out = dir.resolve("run");
        ResultFolder.at(out).with("a.csv", f -> Files.writeString(f, "a")).with("results.json",
                f -> Files.writeString(f, "{}")).write();
        assertThat(names(out)).containsExactly("a.csv", "results.json");
        assertThat(names(dir)).containsExactly("run");
    }

    @Test
    @DisplayName("a failure while writing leaves no folder and no temporary sibling")
    void failureLeavesNothing() {
        Path out = dir.resolve("run");
        assertThatThrownBy(() -> ResultFolder.at(out).with("a.csv", f -> Files.writeString(f, "a"))
                .with("results.json", f -> {
                    throw new IOException("disk full");
                }).write()).hasMessage("disk full");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    @DisplayName("into an existing folder: the files are replaced, other files stay")
    void existingFolder() throws Exception {
        Path out = Files.createDirectories(dir.resolve("run"));
        Files.writeString(out.resolve("results.json"), "old");
        Files.writeString(out.resolve("notes.txt"), "mine");
        ResultFolder.at(out).with("a.csv", f -> Files.writeString(f, "a")).with("results.json",
                f -> Files.writeString(f, "new")).write();
        assertThat(Files.readString(out.resolve("results.json"))).isEqualTo("new");
        assertThat(names(out)).containsExactly("a.csv", "notes.txt", "results.json");
        assertThat(names(dir)).containsExactly("run");
    }

    @Test
    @DisplayName("an --out that is a file is refused before anything runs")
    void outIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("run"), "x");
        assertThatThrownBy(() -> ResultFolder.prepare(file)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.exitCode()).isEqualTo(2)).hasMessage("--out " + file + " is a file; give a folder"
                + " for the results");
    }
}
