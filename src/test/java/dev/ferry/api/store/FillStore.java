package dev.ferry.api.store;

import dev.ferry.api.control.Checkpoints;
import dev.ferry.api.control.ControlPlane;
import dev.ferry.api.control.Durable;
import dev.ferry.time.SystemClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills a data folder with N sessions (a checkpoint, an activity and an install report each) through the control
 * plane's own rules and the SQLite store, for measuring the server's heap and restart time at that size. Run with
 * {@code java -cp target/test-classes:target/classes:target/lib/* dev.ferry.api.store.FillStore DIR N}; with N = 0 it
 * only opens the store and says how long reading it took.
 */
public final class FillStore {

    private FillStore() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        try (SqliteSessionStore store = SqliteSessionStore.open(dir)) {
            if (n == 0) {
                System.out.printf("opened %d sessions in %.2f s%n", store.size(), (System.nanoTime() - start) / 1e9);
                return;
            }
            ControlPlane plane = new ControlPlane(store, new SystemClock());
            AtomicInteger next = new AtomicInteger();
            long now = System.currentTimeMillis();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                Thread thread = new Thread(() -> {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        String id = "session-" + i;
                        Durable.answer(plane.upload(id, Checkpoints.text(1 + i % 50, now - i)));
                        Durable.answer(plane.activity(id, now - i));
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            System.out.printf("%d sessions in %s in %.1f s%n", store.size(), dir, (System.nanoTime() - start) / 1e9);
        }
    }
}
