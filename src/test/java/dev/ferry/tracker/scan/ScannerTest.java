package dev.ferry.tracker.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as installed, read from a real directory. */
class ScannerTest {

    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private Path sitePackages() throws IOException {
        return Files.createDirectories(root.resolve("lib/python3.11/site-packages"));
    }

    @Test
    @DisplayName("a dist-info counts once RECORD exists; name and version come from METADATA, normalized")
    void distInfo() throws Exception {
        Path sp = sitePackages();
        write("lib/python3.11/site-packages/PyYAML-6.0.3.dist-info/METADATA", "Metadata-Version: 2.1\nName: PyYAML\nVersion: 6.0.3\n\nName: body");
        write("lib/python3.11/site-packages/PyYAML-6.0.3.dist-info/RECORD", "");
        write("lib/python3.11/site-packages/numpy-2.4.6.dist-info/METADATA", "Name: numpy\nVersion: 2.4.6\n");
        Scanner scanner = new Scanner(new DiskEnvironmentView(sp), EnvironmentKind.PYTHON);
        assertThat(scanner.scan().toRequirementLines()).as("numpy has no RECORD yet").isEqualTo("pyyaml==6.0.3\n");
        write("lib/python3.11/site-packages/numpy-2.4.6.dist-info/RECORD", "");
        scanner.invalidate("numpy-2.4.6.dist-info");
        assertThat(scanner.scan().toRequirementLines()).isEqualTo("numpy==2.4.6\npyyaml==6.0.3\n");
    }

    @Test
    @DisplayName("answers kept from the last listing follow entries that moved, came, went or were touched")
    void keptAnswersFollowTheListing() throws Exception {
        Path sp = sitePackages();
        for (String name : new String[] {"beta", "delta", "gamma"}) {
            write("lib/python3.11/site-packages/" + name + "-1.0.dist-info/METADATA", "Name: " + name + "\nVersion: 1.0\n");
            write("lib/python3.11/site-packages/" + name + "-1.0.dist-info/RECORD", "");
        }
        Scanner scanner = new Scanner(new DiskEnvironmentView(sp), EnvironmentKind.PYTHON);
        assertThat(scanner.scan().toRequirementLines()).isEqualTo("beta==1.0\ndelta==1.0\ngamma==1.0\n");

        write("lib/python3.11/site-packages/delta-1.0.dist-info/METADATA", "Name: delta\nVersion: 1.0.post1\n");
        scanner.invalidate("delta-1.0.dist-info");
        assertThat(scanner.scan().toRequirementLines()).as("a touched entry at its old place is read again")
                .isEqualTo("beta==1.0\ndelta==1.0.post1\ngamma==1.0\n");

        for (int i = 0; i < 10; i++) {
            write("lib/python3.11/site-packages/alpha" + i + "-2.0.dist-info/METADATA", "Name: alpha" + i + "\nVersion: 2.0\n");
            write("lib/python3.11/site-packages/alpha" + i + "-2.0.dist-info/RECORD", "");
            scanner.invalidate("alpha" + i + "-2.0.dist-info");
        }
        Files.delete(sp.resolve("gamma-1.0.dist-info/RECORD"));
        Files.delete(sp.resolve("gamma-1.0.dist-info/METADATA"));
        Files.delete(sp.resolve("gamma-1.0.dist-info"));
        scanner.invalidate("gamma-1.0.dist-info");
        assertThat(scanner.scan().toRequirementLines()).as("entries ten places further on, one gone")
                .startsWith("alpha0==2.0\n").endsWith("alpha9==2.0\nbeta==1.0\ndelta==1.0.post1\n")
                .doesNotContain("gamma");
    }

    @Test
    @DisplayName("without readable METADATA the folder name gives name and version")
    void fromFolderName() throws Exception {
        Path sp = sitePackages();
        write("lib/python3.11/site-packages/charset_normalizer-3.4.7.dist-info/RECORD", "");
        write("lib/python3.11/site-packages/legacy_pkg-1.2-py3.11.egg-info/PKG-INFO", "no headers here\n");
        write("lib/python3.11/site-packages/single-0.1.egg-info", "Metadata-Version: 1.0\nName: Single\nVersion: 0.1\n");
        Scanner scanner = new Scanner(new DiskEnvironmentView(sp), EnvironmentKind.PYTHON);
        assertThat(scanner.scan().toRequirementLines())
                .isEqualTo("charset-normalizer==3.4.7\nlegacy-pkg==1.2\nsingle==0.1\n");
    }

    @Test
    @DisplayName("~ stashes left by pip are not installed")
    void stashesIgnored() throws Exception {
        Path sp = sitePackages();
        write("lib/python3.11/site-packages/~umpy-2.4.6.dist-info/RECORD", "");
        write("lib/python3.11/site-packages/pip-23.2.1.dist-info/RECORD", "");
        assertThat(new Scanner(new DiskEnvironmentView(sp), EnvironmentKind.PYTHON).scan().toRequirementLines())
                .isEqualTo("pip==23.2.1\n");
    }

    @Test
    @DisplayName("an R library lists packages from DESCRIPTION, names as R spells them")
    void rLibrary() throws Exception {
        write("R/library/data.table/DESCRIPTION", "Package: data.table\nVersion: 1.15.0\nTitle: Extension of\n  data.frame\n");
        write("R/library/Rcpp/DESCRIPTION", "Package: Rcpp\r\nVersion: 1.0.12\r\n");
        Files.createDirectories(root.resolve("R/library/00LOCK-ggplot2/00new/ggplot2"));
        DiskEnvironmentView view = new DiskEnvironmentView(root.resolve("R/library"));
        assertThat(EnvironmentKind.detect(view)).isEqualTo(EnvironmentKind.R);
        assertThat(new Scanner(view, EnvironmentKind.R).scan().toRequirementLines())
                .isEqualTo("Rcpp==1.0.12\ndata.table==1.15.0\n");
    }

    @Test
    @DisplayName("a directory that is neither kind is refused with what was looked for")
    void notAnEnvironment() throws Exception {
        write("project/README.md", "hello");
        assertThatThrownBy(() -> EnvironmentKind.detect(new DiskEnvironmentView(root.resolve("project"))))
                .isInstanceOf(NotAnEnvironmentException.class)
                .hasMessageContaining("is neither a Python environment").hasMessageContaining("nor an R library");
    }

    @Test
    @DisplayName("an empty site-packages is a Python environment by its name")
    void emptySitePackages() throws Exception {
        assertThat(EnvironmentKind.detect(new DiskEnvironmentView(sitePackages()))).isEqualTo(EnvironmentKind.PYTHON);
    }
}
