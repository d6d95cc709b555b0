package dev.ferry.sim.migration;

import java.util.HashMap;
import java.util.Map;

/** The sessions' names on Peloton and Kubernetes ({@code s-00042}) and their places in the simulation's list. */
final class SessionIds {

    private final String[] ids;
    private final Map<String, Integer> index = new HashMap<>();

    SessionIds(int count) {
        ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = String.format("s-%05d", i);
            index.put(ids[i], i);
        }
    }

    int size() {
        return ids.length;
    }

    String id(int i) {
        return ids[i];
    }

    /** The place of session {@code id}, or null for a name that is not one of the simulation's. */
    Integer indexOf(String id) {
        return index.get(id);
    }
}
