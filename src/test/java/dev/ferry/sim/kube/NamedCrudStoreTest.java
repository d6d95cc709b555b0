package dev.ferry.sim.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.MockServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the indexed CRUD store answers as fabric8's CRUD dispatcher does, but for the versions deletions take")
class NamedCrudStoreTest {

    private final MockServers servers = new MockServers();

    private KubernetesClient start(Dispatcher dispatcher) {
        return servers.start(dispatcher);
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    /** What a client sees through a sequence of calls, one line per call; timestamps and uids (drawn from one
     * counter for the whole JVM) left out. */
    private static List<String> script(KubernetesClient c) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            c.configMaps().inNamespace(i % 2 == 0 ? "a" : "b").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("m" + (i / 2)).addToLabels("app", "ferry").addToLabels("n", "" + i % 3).endMetadata()
                    .addToData("k", "v" + i).build()).create();
        }
        c.pods().inNamespace("a").resource(new PodBuilder().withNewMetadata().withName("m3").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec().build())
                .create();
        seen.add(show(c.configMaps().inNamespace("a").withName("m3").get()));
        seen.add(show(c.configMaps().inNamespace("b").withName("m3").get()));
        seen.add(String.valueOf(c.configMaps().inNamespace("a").withName("nope").get()));
        seen.add(show(c.pods().inNamespace("a").withName("m3").get()));
        try {
            c.configMaps().inNamespace("a").resource(new ConfigMapBuilder().withNewMetadata().withName("m3")
                    .endMetadata().build()).create();
            seen.add("created twice");
        } catch (KubernetesClientException e) {
            seen.add("create again: " + e.getCode());
        }
        c.configMaps().inNamespace("a").withName("m4").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"n\":\"x\"}},\"data\":{\"k\":\"patched\"}}");
        seen.add(show(c.configMaps().inNamespace("a").withName("m4").get()));
        try {
            c.configMaps().inNamespace("a").withName("m4").patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"resourceVersion\":\"1\"},\"data\":{\"k\":\"stale\"}}");
            seen.add("stale patch applied");
        } catch (KubernetesClientException e) {
            seen.add("stale patch: " + e.getCode());
        }
        c.pods().inNamespace("a").withName("m3").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"phase\":\"Running\"}}");
        seen.add(show(c.pods().inNamespace("a").withName("m3").get()));
        c.configMaps().inNamespace("b").withName("m5").delete();
        seen.add(String.valueOf(c.configMaps().inNamespace("b").withName("m5").get()));
        seen.add(names(c.configMaps().inNamespace("a").withLabel("n", "x").list().getItems()));
        seen.add("list version " + c.configMaps().inNamespace("a").list().getMetadata().getResourceVersion());
        seen.add(names(c.configMaps().inNamespace("a").list().getItems()));
        seen.add(names(c.configMaps().inNamespace("nowhere").list().getItems()));
        seen.add(names(c.configMaps().inNamespace("b").withLabel("app", "ferry").list().getItems()));
        seen.add(names(c.configMaps().inAnyNamespace().withoutLabel("n", "0").list().getItems()));
        c.configMaps().inNamespace("b").resource(new ConfigMapBuilder().withNewMetadata().withName("m5")
                .endMetadata().addToData("k", "again").build()).create();
        seen.add(show(c.configMaps().inNamespace("b").withName("m5").get()));
        // a patch's new resourceVersion and generation: a spec change raises both, a metadata or status change only
        // the version, a patch that changes nothing neither
        c.batch().v1().jobs().inNamespace("a").resource(new JobBuilder().withNewMetadata().withName("j")
                .endMetadata().withNewSpec().withSuspend(true).withNewTemplate().withNewSpec().addNewContainer()
                .withName("c").withImage("i").endContainer().endSpec().endTemplate().endSpec().build()).create();
        seen.add(showJob(c));
        for (String patch : List.of("{\"spec\":{\"suspend\":false}}",
                "{\"metadata\":{\"annotations\":{\"state\":\"starting\"}}}",
                "{\"metadata\":{\"annotations\":{\"state\":\"starting\"}}}",
                "{\"spec\":{\"suspend\":false},\"metadata\":{\"annotations\":{\"state\":\"done\"}}}",
                "{\"spec\":{\"parallelism\":1},\"status\":{\"active\":1}}")) {
            c.batch().v1().jobs().inNamespace("a").withName("j").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            seen.add(showJob(c));
        }
        c.batch().v1().jobs().inNamespace("a").withName("j").subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"ready\":1}}");
        seen.add(showJob(c));
        return seen;
    }

    private static String showJob(KubernetesClient c) {
        Job j = c.batch().v1().jobs().inNamespace("a").withName("j").get();
        return "job rv " + j.getMetadata().getResourceVersion() + " gen " + j.getMetadata().getGeneration()
                + " suspend " + j.getSpec().getSuspend() + " " + j.getMetadata().getAnnotations() + " "
                + j.getStatus();
    }

    private static String show(io.fabric8.kubernetes.api.model.HasMetadata o) {
        if (o == null) {
            return "null";
        }
        o.getMetadata().setCreationTimestamp(null);
        String data = o instanceof ConfigMap m ? String.valueOf(m.getData())
                : String.valueOf(((Pod) o).getStatus() == null ? null : ((Pod) o).getStatus().getPhase());
        return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName() + " rv "
                + o.getMetadata().getResourceVersion() + " labels "
                + o.getMetadata().getLabels() + " " + data;
    }

    private static String names(List<ConfigMap> maps) {
        return maps.stream().map(m -> m.getMetadata().getNamespace() + "/" + m.getMetadata().getName()).sorted()
                .toList().toString();
    }

    @Test
    @DisplayName("creates, named gets, conflicts, guarded and status patches (their versions and generations), deletes"
            + " and lists: the stock answers, but a deletion takes a resourceVersion of its own, as an API server's does")
    void sameAnswers() throws Exception {
        List<String> stock = script(start(new KubernetesCrudDispatcher()));
        List<String> indexed = script(start(new NamedCrudStore()));
        int deleted = stock.indexOf("a/m3 rv 33 labels {} Running") + 1;
        assertThat(indexed.subList(0, deleted)).isEqualTo(stock.subList(0, deleted));
        assertThat(indexed.subList(deleted, indexed.size()))
                .isEqualTo(stock.subList(deleted, stock.size()).stream().map(NamedCrudStoreTest::oneVersionLater)
                        .toList());
        assertThat(stock).contains("create again: 409", "stale patch: 409", "null");
        List<String> jobs = stock.stream().filter(l -> l.startsWith("job ")).map(l -> l.split(" suspend")[0]).toList();
        assertThat(jobs).as("a spec change raises the generation, a metadata or status change only the version, a "
                + "patch that changes nothing neither").containsExactly("job rv 35 gen 1", "job rv 36 gen 2",
                "job rv 37 gen 2", "job rv 37 gen 2", "job rv 38 gen 2", "job rv 39 gen 3", "job rv 40 gen 3");
    }

    /** The line with every resourceVersion in it one higher. */
    private static String oneVersionLater(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(rv |list version )(\\d+)").matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + (Long.parseLong(m.group(2)) + 1));
        }
        return m.appendTail(out).toString();
    }
}
