package dev.ferry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a distribution into a site-packages the way pip finishes one (RECORD last), without pip. */
final class FakeInstalls {

    private FakeInstalls() {
    }

    static Path sitePackages(Path root) throws IOException {
        Path sp = root.resolve("venv/lib/python3.11/site-packages");
        Files.createDirectories(sp);
        install(sp, "pip", "23.2.1");
        return sp;
    }

    static void install(Path sitePackages, String name, String version) throws IOException {
        Path info = Files.createDirectories(sitePackages.resolve(name + "-" + version + ".dist-info"));
        Files.writeString(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        Files.writeString(info.resolve("INSTALLER"), "pip\n");
        Files.writeString(info.resolve("REQUESTED"), "");
        Files.writeString(info.resolve("RECORD"), "");
    }
}
