package dev.ferry.tracker.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The quick check over an upload's bytes ({@link CheckpointBytes}) accepts only what {@code decode} accepts, with the
 * same generation and time, and {@link CheckpointFormat#verify(byte[], String)} answers as the String reader does:
 * over damaged texts whose checksum was made to match again, so that the lines themselves are what is judged.
 */
class CheckpointBytesProperties {

    /** Characters that move line and token boundaries, the tags' letters, digits and one of two UTF-8 bytes. */
    private static final String EDITS = " \n#\r\tabcdegnr19.ü";

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void quickCheckAcceptsOnlyWhatDecodeAccepts(@ForAll("checkpoints") Checkpoint checkpoint,
            @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 1_000_000) Integer> positions,
            @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 2) Integer> kinds,
            @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 16) Integer> characters) throws Exception {
        String body = body(CheckpointFormat.encode(checkpoint));
        StringBuilder edited = new StringBuilder(body);
        // the edits fall after the header comment, on the lines that are read
        int from = body.indexOf(CheckpointFormat.MAGIC);
        for (int i = 0; i < Math.min(positions.size(), Math.min(kinds.size(), characters.size())); i++) {
            int at = from + positions.get(i) % (edited.length() - from + 1);
            char c = EDITS.charAt(characters.get(i));
            switch (kinds.get(i)) {
                case 0 -> edited.insert(at, c);
                case 1 -> {
                    if (at < edited.length()) {
                        edited.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < edited.length()) {
                        edited.setCharAt(at, c);
                    }
                }
            }
        }
        String text = signed(edited.toString());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        VerifiedCheckpoint quick = CheckpointBytes.verify(bytes);
        CheckpointException refused = catchThrowableOfType(CheckpointException.class,
                () -> CheckpointFormat.decode(text, "ck"));
        if (quick != null) {
            assertThat(refused).as(text).isNull();
            Checkpoint decoded = CheckpointFormat.decode(text, "ck");
            assertThat(quick.generation()).isEqualTo(decoded.generation());
            assertThat(quick.writtenAtEpochMillis()).isEqualTo(decoded.writtenAtEpochMillis());
            assertThat(quick).isEqualTo(CheckpointFormat.verify(text, "ck"));
        }
        CheckpointException byBytes = catchThrowableOfType(CheckpointException.class,
                () -> CheckpointFormat.verify(bytes, "ck"));
        if (refused == null) {
            assertThat(byBytes).as(text).isNull();
            assertThat(CheckpointFormat.verify(bytes, "ck")).isEqualTo(CheckpointFormat.verify(text, "ck"));
        } else {
            assertThat(byBytes).as(text).isNotNull().hasMessage(refused.getMessage());
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyCheckpointTheTrackerWritesTakesTheQuickWay(@ForAll("checkpoints") Checkpoint checkpoint) {
        String text = CheckpointFormat.encode(checkpoint);
        assertThat(CheckpointBytes.verify(text.getBytes(StandardCharsets.UTF_8))).as(text).isNotNull();
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void eachEnvironmentIsWrittenAsItsBaselineThenItsDiffInNameOrder(@ForAll("checkpoints") Checkpoint checkpoint)
            throws CheckpointException {
        StringBuilder expected = new StringBuilder();
        for (EnvironmentState env : checkpoint.environments()) {
            expected.append("environment ").append(env.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(env.location()).append('\n');
            env.baseline().forEach((name, version) -> expected.append("baseline ").append(name).append(' ')
                    .append(version).append('\n'));
            PackageDiff diff = env.diff();
            diff.added().forEach((name, version) -> expected.append("added ").append(name).append(' ')
                    .append(version).append('\n'));
            diff.removed().forEach((name, version) -> expected.append("removed ").append(name).append(' ')
                    .append(version).append('\n'));
            diff.changed().forEach((name, change) -> expected.append("changed ").append(name).append(' ')
                    .append(change.from()).append(' ').append(change.to()).append('\n'));
            expected.append("end\n");
        }
        String text = CheckpointFormat.encode(checkpoint);
        String body = body(text);
        int first = body.indexOf("\nenvironment ");
        assertThat(first < 0 ? "" : body.substring(first + 1)).isEqualTo(expected.toString());
        assertThat(CheckpointFormat.decode(text, "the property")).isEqualTo(checkpoint);
    }

    /** Environments whose current set removes, changes and adds packages of few short names, so lines collide. */
    @Provide
    Arbitrary<Checkpoint> checkpoints() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'd').ofMinLength(1).ofMaxLength(2);
        Arbitrary<String> versions = Arbitraries.strings().withChars("19.").ofMinLength(1).ofMaxLength(3);
        Arbitrary<Map<String, String>> sets = Arbitraries.maps(names, versions).ofMaxSize(8);
        Arbitrary<EnvironmentState> environments = Combinators.combine(sets, sets,
                Arbitraries.integers().between(0, 2).list().ofSize(8), Arbitraries.of(EnvironmentKind.values()),
                Arbitraries.of("/opt/venv/site-packages", "/home/j/R lib"))
                .as((baseline, extra, choices, kind, location) -> {
                    TreeMap<String, String> current = new TreeMap<>();
                    int i = 0;
                    for (var e : new TreeMap<>(baseline).entrySet()) {
                        int choice = choices.get(i++ % choices.size());
                        if (choice == 0) {
                            current.put(e.getKey(), e.getValue());
                        } else if (choice == 2) {
                            current.put(e.getKey(), e.getValue() + "9");
                        }
                    }
                    extra.forEach((name, version) -> {
                        if (!baseline.containsKey(name)) {
                            current.put(name, version);
                        }
                    });
                    return new EnvironmentState(location, kind, PackageSet.of(new TreeMap<>(baseline)),
                            PackageSet.of(current));
                });
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.longs().between(0, 4_000_000_000_000L), environments.list().ofMaxSize(2))
                .as(Checkpoint::new);
    }

    private static String body(String text) {
        return text.substring(0, text.lastIndexOf("sha256 "));
    }

    private static String signed(String body) {
        return body + "sha256 " + CheckpointFormat.sha256(body) + "\n";
    }
}
