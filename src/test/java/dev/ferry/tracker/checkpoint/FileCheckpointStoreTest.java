package dev.ferry.tracker.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durable checkpoint files: the previous generation kept, damage detected, the previous one used. */
class FileCheckpointStoreTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    static Checkpoint generation(long n, String numpy) {
        PackageSet base = PackageSet.of(Map.of("pip", "23.2.1"));
        return new Checkpoint(n, 1_000L * n, List.of(new EnvironmentState("/venv/site-packages",
                EnvironmentKind.PYTHON, base, PackageSet.of(Map.of("pip", "23.2.1", "numpy", numpy)))));
    }

    @Test
    @DisplayName("writing keeps the generation it replaces as FILE.prev and leaves no temporary file")
    void keepsPrevious() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        assertThat(store.load()).isEmpty();
        store.write(generation(1, "1.0"));
        store.write(generation(2, "2.0"));
        assertThat(store.load()).contains(generation(2, "2.0"));
        assertThat(new FileCheckpointStore(dir.resolve("ck.prev"), warnings::add).loadExact()).contains(generation(1, "1.0"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("ck", "ck.prev");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    @DisplayName("a damaged newest generation is reported and the previous one is used")
    void fallsBackToPrevious() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        store.write(generation(1, "1.0"));
        store.write(generation(2, "2.0"));
        corrupt(dir.resolve("ck"));
        FileCheckpointStore reader = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        assertThat(reader.load()).contains(generation(1, "1.0"));
        assertThat(warnings).singleElement().asString()
                .contains("is damaged").contains("using the previous generation 1");
    }

    @Test
    @DisplayName("a truncated newest generation is reported and the previous one is used")
    void truncatedFallsBack() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        store.write(generation(1, "1.0"));
        store.write(generation(2, "2.0"));
        byte[] bytes = Files.readAllBytes(dir.resolve("ck"));
        Files.write(dir.resolve("ck"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(new FileCheckpointStore(dir.resolve("ck"), warnings::add).load()).contains(generation(1, "1.0"));
        assertThat(warnings).singleElement().asString().contains("is truncated");
    }

    @Test
    @DisplayName("when both generations are damaged, loading fails and says so")
    void bothDamaged() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        store.write(generation(1, "1.0"));
        store.write(generation(2, "2.0"));
        corrupt(dir.resolve("ck"));
        corrupt(dir.resolve("ck.prev"));
        assertThatThrownBy(() -> new FileCheckpointStore(dir.resolve("ck"), warnings::add).load())
                .isInstanceOf(CheckpointException.class).hasMessageContaining("the previous generation is unusable too");
    }

    @Test
    @DisplayName("writing over a damaged file does not push the good previous generation out")
    void damagedFileIsNotKeptAsPrevious() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        store.write(generation(1, "1.0"));
        store.write(generation(2, "2.0"));
        corrupt(dir.resolve("ck"));
        FileCheckpointStore restarted = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        restarted.load();
        restarted.write(generation(2, "2.1"));
        assertThat(new FileCheckpointStore(dir.resolve("ck.prev"), w -> { }).loadExact()).contains(generation(1, "1.0"));
    }

    @Test
    @DisplayName("a FILE deleted since the last write is written anew, and the intact FILE.prev is kept")
    void deletedFileIsRecreated() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        store.write(generation(1, "1.0"));
        store.write(generation(2, "2.0"));
        Files.delete(dir.resolve("ck"));
        assertThat(store.holds(2)).isFalse();
        store.write(generation(3, "3.0"));
        assertThat(store.holds(3)).isTrue();
        assertThat(store.loadExact()).contains(generation(3, "3.0"));
        assertThat(new FileCheckpointStore(dir.resolve("ck.prev"), w -> { }).loadExact()).contains(generation(1, "1.0"));
        assertThat(warnings).singleElement().asString().contains("was missing").contains("generation 3");
        store.write(generation(4, "4.0"));
        assertThat(new FileCheckpointStore(dir.resolve("ck.prev"), w -> { }).loadExact()).contains(generation(3, "3.0"));
    }

    @Test
    @DisplayName("a write whose generation is not newer than FILE's is refused and changes nothing")
    void staleGenerationRefused() throws Exception {
        FileCheckpointStore mine = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        mine.write(generation(5, "1.0"));
        FileCheckpointStore other = new FileCheckpointStore(dir.resolve("ck"), warnings::add);
        other.write(generation(6, "2.0"));
        assertThatThrownBy(() -> mine.write(generation(6, "3.0"))).isInstanceOf(StaleGenerationException.class)
                .hasMessageContaining("already holds generation 6");
        assertThat(mine.loadExact()).contains(generation(6, "2.0"));
        assertThat(new FileCheckpointStore(dir.resolve("ck.prev"), w -> { }).loadExact()).contains(generation(5, "1.0"));
    }

    private static void corrupt(Path file) throws IOException {
        String text = Files.readString(file);
        Files.writeString(file, text.replace("numpy", "nUmpy"));
    }
}
