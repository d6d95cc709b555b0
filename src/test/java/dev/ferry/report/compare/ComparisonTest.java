package dev.ferry.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.report.compare.RunKey.GroupKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    @TempDir
    Path dir;

    private RunData run(String folder, String scenario, String strategy, long seed, double disrupted)
            throws IOException {
        RunFixtures fixture = RunFixtures.run(dir.resolve(folder), scenario, strategy, seed);
        if (strategy != null) {
            fixture.set("disruption.sessions_disrupted_while_active", disrupted);
        }
        return RunFolder.read(fixture.write());
    }

    @Nested
    @DisplayName("grouping")
    class Grouping {

        @Test
        @DisplayName("runs are named and grouped by what their results.json says, not by their folders")
        void byResults() throws IOException {
            List<RunData> runs = new ArrayList<>();
            runs.add(run("z", "migrate-small", "rolling", 2, 18));
            runs.add(run("a", "migrate-small", "rolling", 1, 16));
            runs.add(run("m", "migrate-small", "idle-aware", 1, 0));
            runs.add(run("q", "dsw-3500", null, 1, 0));

            Comparison c = Comparison.of(runs, null);

            assertThat(c.groups()).extracting(Group::key).containsExactly(new GroupKey("dsw-3500", null),
                    new GroupKey("migrate-small", "idle-aware"), new GroupKey("migrate-small", "rolling"));
            assertThat(c.runs()).extracting(r -> r.run().key().name()).containsExactly("dsw-3500 · seed 1",
                    "migrate-small · idle-aware · seed 1", "migrate-small · rolling · seed 1",
                    "migrate-small · rolling · seed 2");
            assertThat(c.groups().get(2).seedList()).isEqualTo("seeds 1, 2");
        }

        @Test
        @DisplayName("only groups of one scenario are contrasted, the later strategy against the earlier")
        void contrasts() throws IOException {
            Comparison c = Comparison.of(List.of(run("a", "migrate-small", "rolling", 1, 16),
                    run("b", "migrate-small", "idle-aware", 1, 0), run("c", "migrate-small", "big-bang", 1, 5),
                    run("d", "dsw-3500", null, 1, 0)), null);

            assertThat(c.contrasts()).extracting(x -> x.a().key().shortName() + " / " + x.b().key().shortName())
                    .containsExactly("big-bang / idle-aware", "big-bang / rolling", "idle-aware / rolling");
        }

        @Test
        @DisplayName("a seed run twice counts once as a sample; the page names both by folder")
        void repeatedSeed() throws IOException {
            Comparison c = Comparison.of(List.of(run("before", "migrate-small", "rolling", 1, 16),
                    run("after", "migrate-small", "rolling", 1, 17)), null);

            Group rolling = c.groups().get(0);
            assertThat(rolling.runs()).extracting(RunData::folderName).containsExactly("after");
            assertThat(rolling.repeated()).extracting(RunData::folderName).containsExactly("before");
            assertThat(c.repeats(rolling.runs().get(0).key())).isTrue();
        }

        @Test
        @DisplayName("figures equal on every seed of both groups are listed apart; the others get a verdict")
        void equalFigures() throws IOException {
            List<RunData> runs = new ArrayList<>();
            for (long seed = 1; seed <= 3; seed++) {
                runs.add(run("i" + seed, "migrate-small", "idle-aware", seed, 0));
                runs.add(run("r" + seed, "migrate-small", "rolling", seed, 15 + seed));
            }

            Contrast contrast = Comparison.of(runs, null).contrasts().get(0);

            assertThat(contrast.equal()).extracting(Figure::path).contains("migration.migrated", "sessions", "wall_s");
            assertThat(contrast.row("disruption.sessions_disrupted_while_active").verdict()).isEqualTo(Verdict.WORSE);
            assertThat(contrast.row("migration.migrated")).isNull();
        }
    }

    @Nested
    @DisplayName("matching a baseline")
    class Baseline {

        @Test
        @DisplayName("matched on scenario, strategy and seed, whatever the folders are called")
        void onAllThree() throws IOException {
            Path baseline = dir.resolve("baseline");
            RunFixtures.run(baseline.resolve("old-name"), "migrate-small", "rolling", 1).write();
            RunFixtures.run(baseline.resolve("other"), "migrate-small", "rolling", 2).write();
            RunData mine = run("new-name", "migrate-small", "rolling", 1, 16);

            BaselineIndex.Match match = BaselineIndex.read(baseline).match(mine);

            assertThat(match.run()).map(RunData::folderName).contains("old-name");
        }

        @Test
        @DisplayName("a folder of the same name holding another strategy is not the baseline, and the page says so")
        void sameFolderOtherStrategy() throws IOException {
            Path baseline = dir.resolve("baseline");
            RunFixtures.run(baseline.resolve("migrate-small-seed1"), "migrate-small", "idle-aware", 1).write();
            RunData mine = run("migrate-small-seed1", "migrate-small", "rolling", 1, 16);

            BaselineIndex.Match match = BaselineIndex.read(baseline).match(mine);

            assertThat(match.run()).isEmpty();
            assertThat(match.absentBecause()).isEqualTo("no run of migrate-small · rolling · seed 1 in " + baseline
                    + "; its migrate-small-seed1 is migrate-small · idle-aware · seed 1, another run, so it is not"
                    + " compared; of migrate-small it holds idle-aware seed 1");
        }

        @Test
        @DisplayName("another seed is no match either")
        void otherSeed() throws IOException {
            Path baseline = dir.resolve("baseline");
            RunFixtures.run(baseline.resolve("a"), "dsw-3500", null, 2).write();

            BaselineIndex.Match match = BaselineIndex.read(baseline).match(run("b", "dsw-3500", null, 1, 0));

            assertThat(match.run()).isEmpty();
            assertThat(match.absentBecause()).endsWith("of dsw-3500 it holds no migration seed 2");
        }
    }

    @Nested
    @DisplayName("changes against the baseline")
    class Changes {

        @Test
        @DisplayName("a judged figure that moved is a regression or an improvement; machine and workload figures only moved")
        void marks() {
            assertThat(BaselineChange.of(Figures.at("coalescing.amplification"), 1.1, 1.2))
                    .isEqualTo(BaselineChange.REGRESSION);
            assertThat(BaselineChange.of(Figures.at("coalescing.exact_at_quiescence"), 0.9, 1.0))
                    .isEqualTo(BaselineChange.IMPROVEMENT);
            assertThat(BaselineChange.of(Figures.at("wall_s"), 30, 38)).isEqualTo(BaselineChange.MACHINE_MOVED);
            assertThat(BaselineChange.of(Figures.at("events_per_s"), 300_000, 250_000))
                    .isEqualTo(BaselineChange.MACHINE_MOVED);
            assertThat(BaselineChange.of(Figures.at("events"), 87_519_614, 87_543_341))
                    .isEqualTo(BaselineChange.WORKLOAD_MOVED);
            assertThat(BaselineChange.of(Figures.at("disruption.total_s.p99"), Double.NaN, 3))
                    .isEqualTo(BaselineChange.NOT_COMPARABLE);
        }

        @Test
        @DisplayName("every figure of a results.json is on the page, an unknown one as unjudged context")
        void everyFigure() throws IOException {
            RunData r = RunFolder.read(RunFixtures.run(dir.resolve("x"), "migrate-small", "rolling", 1)
                    .set("restore.duration_s.p99", 4).set("new_section.new_figure", 2).write());

            List<Figure> figures = Figures.in(List.of(r.results()));

            assertThat(figures).extracting(Figure::path).contains("restore.duration_s.p99", "migration.makespan_h",
                    "disruption.sessions_disrupted_while_active", "new_section.new_figure").doesNotContain("seed");
            assertThat(Figures.at("new_section.new_figure").role().judged()).isFalse();
        }
    }
}
