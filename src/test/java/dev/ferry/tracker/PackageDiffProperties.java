package dev.ferry.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The diff of two package sets is what a map lookup of every name finds, and replaying it gives the second set. */
class PackageDiffProperties {

    @Provide
    Arbitrary<Map<String, String>> sets() {
        // few names and versions, so that two sets share names, and versions, often
        Arbitrary<String> names = Arbitraries.of("a", "b", "b-c", "numpy", "numpy-x", "pip", "Zope", "zope");
        Arbitrary<String> versions = Arbitraries.of("1.0", "2.0", "2.4.6");
        return Arbitraries.maps(names, versions).ofMaxSize(8);
    }

    @Property
    void addedRemovedAndChangedAreWhatALookupFinds(@ForAll("sets") Map<String, String> before,
            @ForAll("sets") Map<String, String> after) {
        TreeMap<String, String> added = new TreeMap<>();
        TreeMap<String, String> removed = new TreeMap<>();
        TreeMap<String, PackageDiff.Change> changed = new TreeMap<>();
        after.forEach((name, version) -> {
            String was = before.get(name);
            if (was == null) {
                added.put(name, version);
            } else if (!was.equals(version)) {
                changed.put(name, new PackageDiff.Change(was, version));
            }
        });
        before.forEach((name, version) -> {
            if (!after.containsKey(name)) {
                removed.put(name, version);
            }
        });

        PackageDiff diff = PackageDiff.between(PackageSet.of(new TreeMap<>(before)), PackageSet.of(new TreeMap<>(after)));

        assertThat(diff.added()).containsExactlyEntriesOf(added);
        assertThat(diff.removed()).containsExactlyEntriesOf(removed);
        assertThat(diff.changed()).containsExactlyEntriesOf(changed);
        assertThat(diff.applyTo(PackageSet.of(new TreeMap<>(before))).asMap()).containsExactlyEntriesOf(after.entrySet()
                .stream().collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), TreeMap::putAll));
    }
}
