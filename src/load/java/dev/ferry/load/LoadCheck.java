package dev.ferry.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load run's verdict, after every simulation: no acknowledged generation lost ({@link StoreCheck}), each
 * simulation's gate judged on Gatling's own figures ({@link Gates}; the simulations' assertions say the same in
 * Gatling's console and report, but the plugin runs all four whatever they say), and {@code summary.json}. The
 * spike's gate is only here, since it judges accepted requests apart from the expected 429s. Exits 1 listing every
 * failure. Usage: {@code LoadCheck PORT LOAD_DIR GATLING_RESULTS}.
 */
public final class LoadCheck {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final List<String> SIMULATIONS = List.of("AgentsPipStorm", "OperatorsDashboard", "Spike", "NoopRatio");

    private LoadCheck() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = "http://127.0.0.1:" + Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Map<String, GatlingResults> runs = GatlingResults.newestRuns(Path.of(args[2]));
        List<String> failures = new ArrayList<>();

        ObjectNode summary = JSON.createObjectNode();
        ObjectNode simulations = summary.putObject("simulations");
        for (String name : SIMULATIONS) {
            GatlingResults run = runs.get(name);
            if (run == null) {
                failures.add(name + " did not run (no simulation.log under " + args[2] + ")");
                continue;
            }
            simulations.set(name, figures(run.all()));
        }
        GatlingResults storm = runs.get("AgentsPipStorm");
        if (storm != null) {
            GatlingResults.Figures uploads = storm.request(AgentChains.UPLOAD);
            simulations.withObjectProperty("AgentsPipStorm").set("uploads", figures(uploads));
            // every agent runs from the end of the ramp until the first agent's loop ends
            GatlingResults.Window steady = storm.window(AgentChains.UPLOAD, LoadSettings.ramp(),
                    LoadSettings.stormLoop());
            window(simulations.withObjectProperty("AgentsPipStorm"), steady)
                    .put("uploads_ok_rps", round(steady.uploadsOkPerSecond(), 1));
            Gates.storm(steady, failures);
        }
        GatlingResults dashboard = runs.get("OperatorsDashboard");
        if (dashboard != null) {
            // as in the storm: every agent beside the operators runs from the end of the ramp to the first one's end
            GatlingResults.Window steady = dashboard.window(AgentChains.UPLOAD, LoadSettings.ramp(),
                    LoadSettings.dashboardLoop());
            window(simulations.withObjectProperty("OperatorsDashboard"), steady);
            Gates.dashboard(steady, failures);
        }
        GatlingResults spike = runs.get("Spike");
        if (spike != null) {
            GatlingResults.Figures accepted = spike.succeeded(AgentChains.UPLOAD);
            simulations.withObjectProperty("Spike").set("accepted_uploads", figures(accepted));
            Map<String, Integer> errors = spike.errors();
            simulations.withObjectProperty("Spike").set("errors", JSON.valueToTree(errors));
            Gates.spike(spike.all(), accepted, errors, failures);
        }
        GatlingResults ratio = runs.get("NoopRatio");
        if (ratio != null) {
            GatlingResults.Figures noop = ratio.request(NoopRatio.NOOP);
            GatlingResults.Figures upload = ratio.request(NoopRatio.UPLOAD);
            simulations.withObjectProperty("NoopRatio").set("noop", figures(noop));
            simulations.withObjectProperty("NoopRatio").set("upload", figures(upload));
            // both phases ran as long with as many users, so the ratio of what was answered is that of throughputs
            summary.put("noop_ratio", noop.ok() == 0 ? 0 : round((double) upload.ok() / noop.ok(), 4));
        }

        Agents agents = Agents.read(dir);
        StoreCheck.Result stored = StoreCheck.run(baseUrl, agents.adminToken(), Acknowledged.readAll(dir));
        ObjectNode check = summary.putObject("acknowledged_generations");
        check.put("sessions_checked", stored.sessions());
        check.put("lost_or_backwards", stored.problems().size());
        stored.problems().stream().limit(20).forEach(p -> failures.add("lost: " + p));
        if (stored.sessions() == 0) {
            failures.add("no agent saw any upload acknowledged, so nothing could be checked against the store");
        }

        Path out = dir.resolve("summary.json");
        JSON.writeValue(out.toFile(), summary);
        System.out.println("load: " + out);
        System.out.println(Files.readString(out));
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("load: FAILED " + f));
            System.exit(1);
        }
    }

    /** {@code simulation}'s {@code steady} figures: the window's seconds, its p99 bound and its failures. */
    private static ObjectNode window(ObjectNode simulation, GatlingResults.Window steady) {
        ObjectNode node = simulation.putObject("steady");
        node.put("window_s", steady.from().toSeconds() + "-" + steady.to().toSeconds());
        node.put("p99_ms_at_most", steady.p99AtMost());
        node.put("ko", steady.ko());
        return node;
    }

    static ObjectNode figures(GatlingResults.Figures f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("requests", f.requests());
        n.put("ok", f.ok());
        n.put("ko", f.ko());
        n.put("mean_rps", round(f.meanRps(), 1));
        n.put("p50_ms", f.p50());
        n.put("p95_ms", f.p95());
        n.put("p99_ms", f.p99());
        n.put("max_ms", f.max());
        return n;
    }

    private static double round(double x, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(x * scale) / scale;
    }
}
