package dev.ferry.sim.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesResponseComposer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.Value;
import io.fabric8.mockwebserver.http.MockResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * fabric8's CRUD dispatcher with indexes by resource type and namespace, and by name. The stock dispatcher matches
 * every request against every object it stores (after copying them all), so each create, patch, get and list
 * costs time in proportion to the cluster's size: with 900 Jobs and 900 pods a get took about 5 ms, and a
 * 3,500-session migration spent most of its wall time there. Here a request that names one object (type,
 * namespace, name) goes straight to it, and a list in one namespace matches its selector against that type's
 * objects in that namespace only; everything else (lists across namespaces, field selectors, deletes, watches)
 * is the stock code. The objects, their JSON and the answers are the stock dispatcher's (list items may come in
 * another order, as the API promises none): the indexes only find the same entries sooner.
 *
 * <p>Two things the stock dispatcher does unlike an API server, which a watching client needs: a deleted object's
 * DELETED event carries a resourceVersion of its own (the stock code sends the object's last one, older than
 * changes made since), and the store says the resourceVersion of the latest change to a Job
 * ({@link #latestJobVersion()}), so a harness can wait until a watch of Jobs has seen everything.
 *
 * <p>A patch's bookkeeping costs less too, with the same outcome: the stock store tells whether a patch changed the
 * object (to give it a new resourceVersion) and whether it changed more than metadata and status (to raise its
 * generation) by computing a JSON diff of the whole object twice per patch; here the first is an equality test (a
 * diff is empty exactly when the two are equal), and
 * the diff is computed only when the object differs outside metadata and status (a Job's suspend), where the stock
 * rule decides as before.
 *
 * <p>Not thread-safe on its own: {@link SimulatedApiServer} serializes the requests.
 */
final class NamedCrudStore extends KubernetesCrudDispatcher {

    private static final Value JOBS = new Value("jobs");

    private final Map<String, AttributeSet> byName = new HashMap<>();
    /** Per type and namespace, each object's attributes and its index key, in the order they were stored. */
    private final Map<String, Map<AttributeSet, String>> byCollection = new HashMap<>();
    /**
     * Each object's JSON by index key, the same strings the stock map holds: an attribute set computes its hash
     * anew at each lookup, which made looking up every item of a list cost more than matching it.
     */
    private final Map<String, String> json = new HashMap<>();
    private final KubernetesResponseComposer lists = new KubernetesResponseComposer();
    private long resourceVersion;
    private long latestJobVersion;
    private long latestJobDeletion;

    /** The index key of an attribute set that names one object, or null if it does not. */
    private static String key(AttributeSet attributes) {
        Attribute plural = attributes.getAttribute(KubernetesAttributesExtractor.PLURAL);
        Attribute namespace = attributes.getAttribute(KubernetesAttributesExtractor.NAMESPACE);
        Attribute name = attributes.getAttribute(KubernetesAttributesExtractor.NAME);
        if (plural == null || name == null) {
            return null;
        }
        return plural + "|" + namespace + "|" + name;
    }

    /** The index key of the type and namespace an attribute set names, or null. */
    private static String collection(AttributeSet attributes) {
        Attribute plural = attributes.getAttribute(KubernetesAttributesExtractor.PLURAL);
        Attribute namespace = attributes.getAttribute(KubernetesAttributesExtractor.NAMESPACE);
        return plural == null || namespace == null ? null : plural + "|" + namespace;
    }

    @Override
    public long requestResourceVersion() {
        resourceVersion = super.requestResourceVersion(); // the stock counter's value, for the lists' metadata
        return resourceVersion;
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        String key = key(query);
        if (key == null) {
            return super.findResource(query);
        }
        AttributeSet stored = byName.get(key);
        if (stored == null || !stored.matches(query)) {
            return null;
        }
        return Map.entry(stored, json.get(key));
    }

    @Override
    public MockResponse handleGet(String path) {
        AttributeSet query = attributeExtractor.fromPath(path);
        if (path.contains("watch=") || path.contains("fieldSelector")) {
            return super.handleGet(path);
        }
        String key = key(query);
        if (key == null) {
            String collection = collection(query);
            Map<AttributeSet, String> candidates = collection == null ? null : byCollection.get(collection);
            if (candidates == null) {
                return super.handleGet(path);
            }
            List<String> items = new ArrayList<>();
            for (Map.Entry<AttributeSet, String> a : candidates.entrySet()) {
                if (a.getKey().matches(query)) {
                    items.add(json.get(a.getValue()));
                }
            }
            return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK)
                    .setBody(lists.compose(items, String.valueOf(resourceVersion)));
        }
        AttributeSet stored = byName.get(key);
        if (stored == null || !stored.matches(query)) {
            return new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND);
        }
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(json.get(key));
    }

    /** A new resourceVersion when the patch changed anything: the stock rule (a non-empty diff) as an equality test. */
    @Override
    public void touchResourceVersion(JsonNode currentResource, JsonNode updatedResource) {
        if (!currentResource.equals(updatedResource)) {
            ((ObjectNode) updatedResource.get(METADATA)).put(RESOURCE_VERSION, String.valueOf(requestResourceVersion()));
        }
    }

    /**
     * The stock rule (a diff with a change outside metadata and status raises the generation), skipped when the
     * objects are equal outside those two, where the diff could hold no such change.
     */
    @Override
    public void touchGeneration(JsonNode currentResource, JsonNode updatedResource) {
        if (!sameOutsideMetadataAndStatus(currentResource, updatedResource)) {
            super.touchGeneration(currentResource, updatedResource);
        }
    }

    private static boolean sameOutsideMetadataAndStatus(JsonNode a, JsonNode b) {
        if (!a.isObject() || !b.isObject()) {
            return a.equals(b);
        }
        int outside = 0;
        for (String name : a.propertyNames()) {
            if (METADATA.equals(name) || "status".equals(name)) {
                continue;
            }
            outside++;
            if (!a.get(name).equals(b.get(name))) {
                return false;
            }
        }
        for (String name : b.propertyNames()) {
            if (!METADATA.equals(name) && !"status".equals(name)) {
                outside--;
            }
        }
        return outside == 0;
    }

    /** The resourceVersion of the latest change to a Job (its creation, a change, its deletion); 0 before any. */
    long latestJobVersion() {
        return latestJobVersion;
    }

    /** The resourceVersion of the latest deletion of a Job; 0 before any. */
    long latestJobDeletion() {
        return latestJobDeletion;
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
            GenericKubernetesResource resource, String newState) {
        String existing = oldAttributes == null ? null : map.get(oldAttributes);
        if (newState == null && existing != null) {
            // as an API server does, the deletion is a change of its own: its event carries a new resourceVersion
            GenericKubernetesResource deleted = Serialization.unmarshal(existing, GenericKubernetesResource.class);
            deleted.getMetadata().setResourceVersion(String.valueOf(requestResourceVersion()));
            existing = Serialization.asJson(deleted);
            map.put(oldAttributes, existing);
        }
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (!Objects.equals(existing, newState) && (isJob(oldAttributes) || isJob(pathAttributes))) {
            latestJobVersion = resourceVersion;
            if (newState == null) {
                latestJobDeletion = resourceVersion;
            }
        }
        if (oldAttributes != null) {
            String old = key(oldAttributes);
            if (old != null && oldAttributes.equals(byName.get(old))) {
                byName.remove(old);
                json.remove(old);
            }
            String collection = collection(oldAttributes);
            if (collection != null && byCollection.containsKey(collection)) {
                byCollection.get(collection).remove(oldAttributes);
            }
        }
        if (newState != null) {
            // the key the stock code stored the new state under, computed the same way
            KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
            AttributeSet stored = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
            if (!stored.containsKey(KubernetesAttributesExtractor.PLURAL)) {
                stored = AttributeSet.merge(pathAttributes, stored);
            }
            String key = key(stored);
            String storedJson = key == null ? null : map.get(stored);
            if (storedJson != null) {
                byName.put(key, stored);
                json.put(key, storedJson);
                String collection = collection(stored);
                if (collection != null) {
                    byCollection.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(stored, key);
                }
            }
        }
    }

    private static boolean isJob(AttributeSet attributes) {
        Attribute plural = attributes == null ? null : attributes.getAttribute(KubernetesAttributesExtractor.PLURAL);
        return plural != null && plural.getValues().contains(JOBS);
    }

    @Override
    public void reset() {
        super.reset();
        byName.clear();
        byCollection.clear();
        json.clear();
    }
}
