package dev.ferry.sim.world;

import dev.ferry.model.PopulationModel;
import org.apache.commons.rng.UniformRandomProvider;

/** Who owns a session and what it runs. */
public record SessionProfile(int id, String kind, PopulationModel.Size size, String team, String owner, int node) {

    public boolean isJupyter() {
        return kind.equals("jupyter");
    }

    public static SessionProfile draw(int id, PopulationModel population, int sessionsPerNode, UniformRandomProvider random) {
        String kind = random.nextDouble() < population.jupyterShare() ? "jupyter" : "rstudio";
        double pick = random.nextDouble();
        PopulationModel.Size size = population.sizes().get(population.sizes().size() - 1);
        double cumulative = 0;
        for (PopulationModel.Size candidate : population.sizes()) {
            cumulative += candidate.share();
            if (pick < cumulative) {
                size = candidate;
                break;
            }
        }
        int team = random.nextInt(population.teams());
        int owner = team * population.usersPerTeamMean() * 2 + random.nextInt(population.usersPerTeamMean() * 2);
        return new SessionProfile(id, kind, size, String.format("team-%03d", team), String.format("user-%05d", owner),
                id / sessionsPerNode);
    }
}
