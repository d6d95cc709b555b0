package dev.ferry.sim.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory environment lists its entries as a sorted directory listing, however they came and went. */
class SimulatedEnvironmentTest {

    @Test
    @DisplayName("entries made and removed in any order are listed sorted, and a listing handed out does not change")
    void listingStaysSorted() {
        SimulatedEnvironment env = new SimulatedEnvironment("/site-packages");
        TreeSet<String> expected = new TreeSet<>();
        Random random = new Random(3);
        List<String> earlier = env.list();
        for (int i = 0; i < 2_000; i++) {
            String name = "pkg" + random.nextInt(300) + (random.nextBoolean() ? ".dist-info" : "");
            if (random.nextInt(3) == 0) {
                assertThat(env.delete(name)).isEqualTo(expected.remove(name));
            } else {
                env.writeFile(name, "RECORD", "");
                expected.add(name);
            }
            if (i % 97 == 0) {
                List<String> before = new ArrayList<>(earlier);
                assertThat(env.list()).containsExactlyElementsOf(expected);
                assertThat(earlier).as("a listing handed out earlier").isEqualTo(before);
                earlier = env.list();
            }
        }
        assertThat(env.list()).containsExactlyElementsOf(expected);
        for (String name : expected) {
            assertThat(env.isFile(name + "/RECORD")).isTrue();
            assertThat(env.isDirectory(name)).isTrue();
        }
        assertThat(env.isFile("pkg-none/RECORD")).isFalse();
    }

    @Test
    @DisplayName("a folder moved keeps its files; a move over an entry replaces it, as rename(2) does")
    void moves() {
        SimulatedEnvironment env = new SimulatedEnvironment("/site-packages");
        env.writeFile("a-1.0.dist-info/RECORD", "r");
        env.writeFile("b-1.0.dist-info/METADATA", "m");
        assertThat(env.move("a-1.0.dist-info", "b-1.0.dist-info")).isTrue();
        assertThat(env.list()).containsExactly("b-1.0.dist-info");
        assertThat(env.readText("b-1.0.dist-info/RECORD")).contains("r");
        assertThat(env.isFile("b-1.0.dist-info/METADATA")).isFalse();
        assertThat(env.list("b-1.0.dist-info")).containsExactly("RECORD");
        assertThat(env.move("missing", "x")).isFalse();
    }
}
