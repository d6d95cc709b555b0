package dev.ferry.sim.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.testing.MockServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the simulated API server: CRUD behind injected errors and outages, and a count of accepted writes")
class SimulatedApiServerTest {

    private final MockServers servers = new MockServers();

    private KubernetesClient start(SimulatedApiServer api) {
        return servers.start(api);
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    private static ConfigMap map(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", "v").build();
    }

    /** For each of {@code n} creates, the HTTP status it got (201 for created). */
    private static List<Integer> creates(KubernetesClient client, int n) {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                client.configMaps().inNamespace("ns").resource(map("m" + i)).create();
                codes.add(201);
            } catch (KubernetesClientException e) {
                codes.add(e.getCode());
            }
        }
        return codes;
    }

    @Test
    @DisplayName("with no faults it is the CRUD store, and it counts the writes it accepted")
    void plainCrud() throws Exception {
        SimulatedApiServer api = new SimulatedApiServer(new SplittableRandom(1), List.of(500));
        KubernetesClient client = start(api);

        client.configMaps().inNamespace("ns").resource(map("a")).create();
        client.configMaps().inNamespace("ns").withName("a").get();
        client.configMaps().inNamespace("ns").withName("a").delete();

        assertThat(api.writes()).isEqualTo(2);
        assertThat(api.requests()).isEqualTo(3);
        assertThat(client.configMaps().inNamespace("ns").list().getItems()).isEmpty();
    }

    @Test
    @DisplayName("an error rate fails that share of the calls with the given statuses, the same ones for the same seed")
    void errorRate() throws Exception {
        SimulatedApiServer api = new SimulatedApiServer(new SplittableRandom(7), List.of(500, 503, 429));
        api.setErrorRate(0.2);
        List<Integer> codes = creates(start(api), 400);

        long failed = codes.stream().filter(c -> c != 201).count();
        assertThat(failed).isBetween(50L, 110L); // 80 expected; binomial sd 8
        assertThat(codes).containsOnly(201, 500, 503, 429).contains(500, 503, 429);
        assertThat(api.injectedErrors()).isEqualTo(failed);
        assertThat(api.writes()).isEqualTo(400 - failed);

        SimulatedApiServer again = new SimulatedApiServer(new SplittableRandom(7), List.of(500, 503, 429));
        again.setErrorRate(0.2);
        assertThat(creates(start(again), 400)).isEqualTo(codes);
    }

    @Test
    @DisplayName("during an outage every call gets 503 and nothing is stored; afterwards the store is as it was")
    void outage() throws Exception {
        SimulatedApiServer api = new SimulatedApiServer(new SplittableRandom(1), List.of(500));
        KubernetesClient client = start(api);
        client.configMaps().inNamespace("ns").resource(map("before")).create();

        api.setDown(true);
        assertThat(creates(client, 3)).containsOnly(503);
        assertThat(api.outageRefusals()).isEqualTo(3);

        api.setDown(false);
        assertThat(client.configMaps().inNamespace("ns").list().getItems())
                .extracting(m -> m.getMetadata().getName()).containsExactly("before");
    }

    @Test
    @DisplayName("statuses and rates out of range are refused")
    void badSettings() {
        assertThatThrownBy(() -> new SimulatedApiServer(new SplittableRandom(1), List.of(200)))
                .hasMessageContaining("4xx or 5xx");
        SimulatedApiServer api = new SimulatedApiServer(new SplittableRandom(1), List.of(500));
        assertThatThrownBy(() -> api.setErrorRate(1.0)).hasMessageContaining("[0, 1)");
    }
}
