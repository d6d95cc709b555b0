package dev.ferry.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A package set behaves as the sorted map it stands for, however its names were put. */
class PackageSetProperties {

    record Put(String name, String version) {
    }

    @Provide
    Arbitrary<List<Put>> puts() {
        // few distinct names, so that names repeat and arrive both in and out of order
        Arbitrary<String> names = Arbitraries.of("a", "b", "c", "numpy", "numpy-x", "pip", "zope", "Zope", "b-c");
        Arbitrary<String> versions = Arbitraries.of("1.0", "2.0", "2.4.6");
        return Combinators.combine(names, versions).as(Put::new).list().ofMaxSize(30);
    }

    /** Built put by put, a set is the sorted map of the same puts: the last version put wins. */
    @Property
    void builderIsATreeMap(@ForAll("puts") List<Put> puts) {
        TreeMap<String, String> expected = new TreeMap<>();
        PackageSet.Builder builder = PackageSet.builder(2);
        for (Put p : puts) {
            expected.put(p.name(), p.version());
            builder.put(p.name(), p.version());
        }
        PackageSet set = builder.build();
        assertThat(set.asMap()).containsExactlyEntriesOf(expected);
        assertThat(set).isEqualTo(PackageSet.of(expected)).hasSameHashCodeAs(PackageSet.of(expected));
        assertThat(set.hashCode()).isEqualTo(expected.hashCode());
        assertThat(set.toString()).isEqualTo(expected.toString());
        assertThat(set.size()).isEqualTo(expected.size());
        for (Put p : puts) {
            assertThat(set.version(p.name())).isEqualTo(expected.get(p.name()));
            assertThat(set.contains(p.name() + "?")).isFalse();
        }
    }

    /** A set from an unsorted map iterates in name order, and equals the set of the same entries. */
    @Example
    void unsortedMap() {
        Map<String, String> unsorted = new java.util.LinkedHashMap<>();
        unsorted.put("zope", "5.0");
        unsorted.put("attrs", "23.1");
        unsorted.put("numpy", "2.4.6");
        PackageSet set = PackageSet.of(unsorted);
        assertThat(set.toRequirementLines()).isEqualTo("attrs==23.1\nnumpy==2.4.6\nzope==5.0\n");
        assertThat(set).isEqualTo(PackageSet.of(new TreeMap<>(unsorted)));
        assertThat(PackageSet.builder(0).build()).isSameAs(PackageSet.EMPTY);
    }
}
