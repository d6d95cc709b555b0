package dev.ferry.tracker.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageSet;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RebaseTest {

    @Test
    @DisplayName("a restored checkpoint is rebased on the new image, but what the user touched keeps its old baseline")
    void userChangesSurviveTheRebase() {
        PackageSet oldBaseline = PackageSet.of(Map.of("pip", "23.2.1", "setuptools", "65.5.0", "numpy", "1.26.0"));
        PackageSet userSet = PackageSet.of(Map.of("pip", "23.0.1", "numpy", "1.26.0", "alpha", "1.0"));
        PackageDiff change = PackageDiff.between(oldBaseline, userSet);
        // the new image already has alpha 1.0 and a newer numpy the user never touched
        PackageSet image = PackageSet.of(Map.of("pip", "24.0", "setuptools", "70.0", "numpy", "2.0.0", "alpha", "1.0"));
        PackageSet rebased = Restore.rebasedBaseline(oldBaseline, change, image);
        assertThat(rebased.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pip", "23.2.1", "setuptools", "65.5.0", "numpy", "2.0.0"));
        PackageSet afterRestore = PackageSet.of(Map.of("pip", "23.0.1", "numpy", "2.0.0", "alpha", "1.0"));
        PackageDiff kept = PackageDiff.between(rebased, afterRestore);
        assertThat(kept.added()).containsOnlyKeys("alpha");
        assertThat(kept.removed()).containsOnlyKeys("setuptools");
        assertThat(kept.changed()).containsOnlyKeys("pip");
    }
}
