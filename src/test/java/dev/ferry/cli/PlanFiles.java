package dev.ferry.cli;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The three input files of {@code ferry migrate plan}, written for tests. */
final class PlanFiles {

    /** The instant the tests plan at. */
    static final String NOW = "2026-11-30T18:00:00Z";

    /**
     * Four sessions at {@link #NOW}, defaults for what they run on Kubernetes:
     * <ul>
     *   <li>s-idle (zone-b): idle for 2 h, checkpoint written after its last activity → migrates, to k8s-b;</li>
     *   <li>s-active: active 5 min ago → waits (no deadline);</li>
     *   <li>s-busy: idle, but a pip install is running → the barrier holds it;</li>
     *   <li>s-done: KILLED on Peloton, its Job on k8s-a says done (the test creates the Job) → nothing to do.</li>
     * </ul>
     */
    static final String SESSIONS = """
            defaults:
              kind: jupyter
              image: registry.example/jupyter:2026.11
              nfs_server: nfs.example
              nfs_path: /homes/{owner}
            sessions:
              - job_id: s-idle
                owner: alice
                owning_team: geo
                zone: zone-b
                resources: {cpu: 2, memory_mb: 8192, disk_mb: 10240, gpu: 0}
                state: RUNNING
                last_activity: 2026-11-30T16:00:00Z
                checkpoint: {generation: 4, written_at: 2026-11-30T16:01:00Z, install_in_progress: false}
              - job_id: s-active
                owner: bob
                owning_team: geo
                zone: zone-a
                resources: {cpu: 1, memory_mb: 4096}
                state: RUNNING
                last_activity: 2026-11-30T17:55:00Z
                checkpoint: {generation: 9, written_at: 2026-11-30T17:50:00Z}
              - job_id: s-busy
                owner: carol
                owning_team: nlp
                zone: zone-a
                resources: {cpu: 1, memory_mb: 4096}
                state: RUNNING
                last_activity: 2026-11-30T12:00:00Z
                checkpoint: {generation: 2, written_at: 2026-11-30T12:30:00Z, install_in_progress: true}
              - job_id: s-done
                owner: dave
                owning_team: nlp
                zone: zone-a
                resources: {cpu: 1, memory_mb: 2048}
                state: KILLED
                checkpoint: {generation: 3, written_at: 2026-11-29T10:00:00Z, restored_generation: 3}
            """;

    static final String CLUSTERS = """
            clusters:
              - name: k8s-a
                zone: zone-a
                node_pools:
                  - {name: cpu, count: 4, cpu: 8, memory_gib: 32, gpus: 0}
              - name: k8s-b
                zone: zone-b
                node_pools:
                  - {name: cpu, count: 4, cpu: 8, memory_gib: 32, gpus: 0}
            """;

    private PlanFiles() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A kubeconfig with one context per entry, each pointing at its server URL, the first one current. */
    static Path kubeconfig(Path dir, Map<String, String> serverByContext) throws IOException {
        StringBuilder clusters = new StringBuilder("clusters:\n");
        StringBuilder contexts = new StringBuilder("contexts:\n");
        for (Map.Entry<String, String> e : serverByContext.entrySet()) {
            clusters.append("- name: ").append(e.getKey()).append("\n  cluster: {server: \"")
                    .append(e.getValue()).append("\"}\n");
            contexts.append("- name: ").append(e.getKey()).append("\n  context: {cluster: ").append(e.getKey())
                    .append(", user: planner, namespace: default}\n");
        }
        String text = "apiVersion: v1\nkind: Config\n" + clusters + contexts
                + "users:\n- name: planner\n  user: {token: not-a-secret}\n"
                + "current-context: " + serverByContext.keySet().iterator().next() + "\n";
        return write(dir, "kubeconfig", text);
    }

    /** The URL a client reaches {@code server} on. */
    static String url(KubernetesMockServer server) {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    static Map<String, String> contexts(String... nameThenUrl) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenUrl.length; i += 2) {
            map.put(nameThenUrl[i], nameThenUrl[i + 1]);
        }
        return map;
    }
}
