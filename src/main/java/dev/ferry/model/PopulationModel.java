package dev.ferry.model;

import dev.ferry.migrate.Resources;
import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the sessions belong to and what they run (from {@code model/population.yaml}): the share of
 * Jupyter against RStudio sessions, container sizes with their shares, how many teams, and what
 * the image installs (the baseline every container starts from).
 */
public record PopulationModel(double jupyterShare, List<Size> sizes, int teams, int usersPerTeamMean,
                              int imagePythonDistributions, int imageRPackages, int catalogSize, String provenance) {

    /** A container size (what it reserves) and the share of sessions that have it. */
    public record Size(String name, Resources resources, double share) {
    }

    public static PopulationModel read(Path file) throws ConfigException {
        return from(YamlFile.read(file).fields());
    }

    public static PopulationModel from(Fields f) throws ConfigException {
        f.allowOnly("provenance", "jupyter_share", "sizes", "teams", "users_per_team_mean",
                "image_python_distributions", "image_r_packages", "catalog_size");
        List<Size> sizes = new ArrayList<>();
        double total = 0;
        for (Fields s : f.list("sizes")) {
            s.allowOnly("name", "cpu", "memory_gib", "gpu", "share");
            Size size = new Size(s.text("name"), Resources.of(s.number("cpu", 0.1, 512),
                    s.number("memory_gib", 0.1, 4096), s.integer("gpu", 0, 16)), s.number("share", 0, 1));
            sizes.add(size);
            total += size.share();
        }
        if (sizes.isEmpty() || Math.abs(total - 1) > 1e-6) {
            throw f.error("sizes", "the shares of the sizes must add up to 1, they add up to " + total);
        }
        return new PopulationModel(f.number("jupyter_share", 0, 1), List.copyOf(sizes), f.integer("teams", 1, 100_000),
                f.integer("users_per_team_mean", 1, 10_000), f.integer("image_python_distributions", 1, 10_000),
                f.integer("image_r_packages", 1, 10_000), f.integer("catalog_size", 10, 1_000_000), f.text("provenance"));
    }
}
