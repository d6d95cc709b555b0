package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.tracker.PackageSet;
import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.EnvironmentKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Only PEP 508 names and PEP 440 versions from a checkpoint ever reach pip")
class RequirementsTest {

    @Nested
    @DisplayName("names")
    class Names {

        @ParameterizedTest(name = "accepts \"{0}\"")
        @ValueSource(strings = {"a", "Z", "7", "numpy", "typing_extensions", "zope.interface", "ruamel.yaml.clib",
            "scikit-learn", "A1", "a-b_c.d", "pip"})
        void acceptsNames(String name) {
            assertTrue(Requirements.isValidName(name));
        }

        @ParameterizedTest(name = "refuses \"{0}\"")
        @ValueSource(strings = {"", "-e", "--index-url", "-r", "_a", ".a", "a.", "a-", "a_", "a b", "a;b",
            "a@http://x", "a/b", "../a", "a\\b", "a==1", "a[extra]", "a$(id)", "a`id`", "a|b", "a&b", "a>b",
            "a\n", "a\u0000b", "ñ", "numpy\u00a0", "a,b", "a#b", "a*", "a'b", "a\"b", "http://x/a.whl"})
        void refusesNames(String name) {
            assertFalse(Requirements.isValidName(name));
        }
    }

    @Nested
    @DisplayName("versions")
    class Versions {

        @ParameterizedTest(name = "accepts \"{0}\"")
        @ValueSource(strings = {"1", "1.0", "2.4.6", "0.0.1", "2023.07.22", "1!2.0", "1.0a1", "1.0b2", "1.0rc1",
            "1.0c1", "1.0alpha1", "1.0-beta.2", "1.0.post1", "1.0-1", "1.0post", "1.0.dev0", "1.0.dev", "1.0a1.dev3",
            "1.0.0b2.post345.dev456", "1.0+local", "2.13.0+cpu", "1.0+ubuntu-1.2", "1.0+abc_1.x", "v1.0", "V2",
            "1.0RC1", "1.0.rev3", "1.0r2"})
        void acceptsVersions(String version) {
            assertTrue(Requirements.isValidVersion(version));
        }

        @ParameterizedTest(name = "refuses \"{0}\"")
        @ValueSource(strings = {"", "1.0; rm -rf /", "1.0 --index-url x", "1.0;rm", "--index-url=http://x",
            "-1.0", "https://evil.example/x-1.0.whl", "file:///tmp/x.whl", "1.0@http://x", "@1.0",
            "1.0;python_version<'3'", " 1.0", "1.0 ", "1.0\n", "1.0\r", "1.0\t", "$(id)", "`id`", "1.0|sh", "1.0&&x",
            "1.0>x", "1.0<x", "==1.0", ">=1.0", "1.0,<2", "1.0.*", "1..0", ".1", "1.", "1.0+", "1.0+a..b", "1.0+.a",
            "1.0+a b", "1.0\u00a0", "\u0661.0", "1.0#x", "1.0'", "1.0\"", "a1.0", "latest", "1.0-", "1.0+x.whl",
            "1.0+evil.tar", "1.0+x.zip", "1.0+x.tar.gz", "1.0\u0000", "1.0/../x"})
        void refusesVersions(String version) {
            assertFalse(Requirements.isValidVersion(version));
        }

        @Test
        @DisplayName("refuses an absurdly long version rather than passing it on")
        void refusesVeryLongVersions() {
            assertFalse(Requirements.isValidVersion("1." + "0.".repeat(200) + "0"));
        }
    }

    @Nested
    @DisplayName("a whole checkpoint")
    class WholeCheckpoint {

        @Test
        @DisplayName("passes when every added, changed and removed entry is valid")
        void acceptsAValidCheckpoint() {
            Checkpoint checkpoint = checkpoint(python(Map.of("pip", "23.2.1", "click", "8.1.0", "six", "1.16.0"),
                    Map.of("pip", "24.0", "six", "1.16.0", "numpy", "2.4.6")));
            assertDoesNotThrow(() -> CheckpointValidation.checkForRestore(checkpoint));
        }

        @Test
        @DisplayName("is refused when one version to install is evil, and the message names the entry")
        void namesTheBadEntry() {
            Checkpoint checkpoint = checkpoint(python(Map.of("pip", "23.2.1"),
                    Map.of("pip", "23.2.1", "alpha", "1.0;rm", "beta", "2.0")));
            RestoreException e = assertThrows(RestoreException.class, () -> CheckpointValidation.checkForRestore(checkpoint));
            assertTrue(e.getMessage().contains("'added alpha 1.0;rm' in /venv/site-packages"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was installed"), e.getMessage());
        }

        @Test
        @DisplayName("is refused for an evil name among the removed packages, whose version never matters")
        void checksRemovedNames() {
            Checkpoint checkpoint = checkpoint(python(Map.of("--index-url=http://x", "1.0"), Map.of()));
            RestoreException e = assertThrows(RestoreException.class, () -> CheckpointValidation.checkForRestore(checkpoint));
            assertTrue(e.getMessage().contains("'removed --index-url=http://x'"), e.getMessage());
        }

        @Test
        @DisplayName("says how many more bad entries there are")
        void countsTheOthers() {
            Checkpoint checkpoint = checkpoint(python(Map.of(), Map.of("a", "1 ;x", "b", "@", "c", "x")));
            RestoreException e = assertThrows(RestoreException.class, () -> CheckpointValidation.checkForRestore(checkpoint));
            assertTrue(e.getMessage().contains("(and 2 more bad entries)"), e.getMessage());
        }

        @Test
        @DisplayName("is refused when two entries are one package under PEP 503 names")
        void refusesTwoSpellingsOfOneName() {
            Checkpoint checkpoint = checkpoint(python(Map.of(), Map.of("Foo_Bar", "1.0", "foo-bar", "2.0")));
            RestoreException e = assertThrows(RestoreException.class, () -> CheckpointValidation.checkForRestore(checkpoint));
            assertTrue(e.getMessage().contains("the same package"), e.getMessage());
        }

        @Test
        @DisplayName("ignores R libraries and versions pip is never given (baselines)")
        void ignoresWhatNeverReachesPip() {
            EnvironmentState r = new EnvironmentState("/usr/lib/R/library", EnvironmentKind.R,
                    PackageSet.of(Map.of()), PackageSet.of(Map.of("data.table", "1.14-8")));
            EnvironmentState legacyBaseline = python(Map.of("distro-pkg", "0.8.0-ubuntu1~22.04"),
                    Map.of("distro-pkg", "0.8.0-ubuntu1~22.04", "alpha", "1.0"));
            assertDoesNotThrow(() -> CheckpointValidation.checkForRestore(new Checkpoint(1, 0, List.of(legacyBaseline, r))));
        }

        @Test
        @DisplayName("escapes control characters when it shows an entry")
        void escapesControlCharacters() {
            assertEquals("1.0\\u001b[2J", Requirements.quote("1.0\u001b[2J"));
        }
    }

    @Test
    @DisplayName("a Pin cannot be built from an invalid part, so pip only ever sees name==version")
    void pinsAreValidByConstruction() {
        assertEquals("numpy==2.4.6", new Pin("numpy", "2.4.6").requirement());
        assertThrows(IllegalArgumentException.class, () -> new Pin("numpy", "2.4.6 --pre"));
        assertThrows(IllegalArgumentException.class, () -> new Pin("-e", "1.0"));
    }

    static EnvironmentState python(Map<String, String> baseline, Map<String, String> current) {
        return new EnvironmentState("/venv/site-packages", EnvironmentKind.PYTHON, PackageSet.of(baseline),
                PackageSet.of(current));
    }

    static Checkpoint checkpoint(EnvironmentState... envs) {
        return new Checkpoint(1, 0, List.of(envs));
    }
}
