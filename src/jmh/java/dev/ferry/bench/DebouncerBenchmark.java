package dev.ferry.bench;

import dev.ferry.tracker.debounce.DebounceSettings;
import dev.ferry.tracker.debounce.Debouncer;
import dev.ferry.tracker.debounce.PipAwareDebouncer;
import dev.ferry.tracker.debounce.QuietPeriodDebouncer;
import dev.ferry.tracker.watch.FsEvent;
import dev.ferry.tracker.watch.FsEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of the debouncer's decision path, one op = one file event: report the event, ask the
 * deadline, and flush whenever the clock has passed the previous deadline. The events are a
 * pre-generated pip-shaped stream, as {@code JdkWatcher} reports it (top level of site-packages and
 * the inside of {@code *.dist-info} folders), replayed cyclically with {@code index++ & MASK}.
 * Target (issue): the pip-aware debouncer handles at least 5 million events/s on one core.
 *
 * <p>Run:
 * <pre>{@code
 * mvn -q -Pbench verify -DskipTests -Djmh.args="-f 1 -wi 3 -i 5 -w 1s -r 1s DebouncerBenchmark"
 * }</pre>
 * Add {@code -prof gc} to {@code jmh.args} for allocation per event ({@code gc.alloc.rate.norm}).
 *
 * <p>Caveat: every event carries its own String instances, as a watcher produces them, but they are
 * built once per trial, so after the first pass over the stream their hash codes are cached. A live
 * watcher's names arrive with no cached hash, so each map lookup there also hashes the name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
public class DebouncerBenchmark {

    /** Events in the pre-generated stream; a power of two so the index wraps with a mask. */
    private static final int SIZE = 1 << 16;
    private static final int MASK = SIZE - 1;

    /**
     * Clock advance per event: 0.5 ms, about the watcher-visible event rate of a large install
     * such as numpy in the recorded trace. With no quiet gap, flushes come from {@code maxWait}.
     */
    private static final long STEP_NANOS = 500_000L;

    /** The implementations measured side by side; each constant builds a fresh debouncer. */
    public enum Impl {
        PIP_AWARE {
            @Override
            Debouncer create() {
                return new PipAwareDebouncer(DebounceSettings.DEFAULTS);
            }
        },
        QUIET_PERIOD {
            @Override
            Debouncer create() {
                // 500 ms: the shortest fixed quiet period that never split an install in the trace
                return new QuietPeriodDebouncer(TimeUnit.MILLISECONDS.toNanos(500),
                        DebounceSettings.DEFAULTS.maxWait().toNanos());
            }
        };

        abstract Debouncer create();
    }

    @Param
    public Impl impl;

    private FsEvent[] events;
    private Debouncer debouncer;
    private int index;
    private long now;
    private long deadline;

    @Setup(Level.Trial)
    public void setUp() {
        events = PipStream.generate(SIZE, new SplittableRandom(20261128L));
        debouncer = impl.create();
        index = 0;
        now = 0;
        deadline = Debouncer.NONE;
    }

    @Benchmark
    public long decide() {
        FsEvent event = events[index++ & MASK];
        long t = now += STEP_NANOS;
        if (t >= deadline) {
            debouncer.flushed(t);
        }
        debouncer.onEvent(event, t);
        return deadline = debouncer.deadline();
    }

    /** Builds the event stream: pip installs, upgrades and uninstalls, sometimes two at once. */
    static final class PipStream {

        private static final int ENV = 0;
        private static final String[][] DISTS = {
            {"numpy", "numpy"}, {"scipy", "scipy"}, {"sympy", "sympy"}, {"mpmath", "mpmath"},
            {"requests", "requests"}, {"urllib3", "urllib3"}, {"idna", "idna"}, {"certifi", "certifi"},
            {"charset_normalizer", "charset_normalizer"}, {"click", "click"}, {"jinja2", "jinja2"},
            {"MarkupSafe", "markupsafe"}, {"PyYAML", "yaml"}, {"setuptools", "setuptools"}, {"pip", "pip"},
            {"botocore", "botocore"}, {"jmespath", "jmespath"}, {"python_dateutil", "dateutil"},
            {"six", "six"}, {"packaging", "packaging"},
        };
        private static final String TMP_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";

        private final SplittableRandom random;

        private PipStream(SplittableRandom random) {
            this.random = random;
        }

        /**
         * Exactly {@code size} events. Whole operations are laid end to end, so every sign opened is
         * closed again and the stream can be replayed cyclically; the remainder is top-level MODIFIED.
         */
        static FsEvent[] generate(int size, SplittableRandom random) {
            PipStream stream = new PipStream(random);
            List<FsEvent> out = new ArrayList<>(size);
            while (true) {
                List<FsEvent> op = stream.operation();
                if (out.size() + op.size() > size) {
                    break;
                }
                out.addAll(op);
            }
            while (out.size() < size) {
                out.add(FsEvent.top(ENV, Kind.MODIFIED, fresh("six.py")));
            }
            return out.toArray(new FsEvent[0]);
        }

        private List<FsEvent> operation() {
            int roll = random.nextInt(10);
            if (roll < 6) {
                return install(dist());
            }
            if (roll < 8) {
                return upgrade(dist());
            }
            if (roll < 9) {
                return uninstall(dist());
            }
            return interleave(install(dist()), install(dist())); // two pip processes at once
        }

        private String[] dist() {
            String[] d = DISTS[random.nextInt(DISTS.length)];
            String version = (1 + random.nextInt(3)) + "." + random.nextInt(30) + "." + random.nextInt(10);
            return new String[] {d[0] + "-" + version + ".dist-info", d[1]};
        }

        /** One distribution written by pip: files extracted, then INSTALLER and the final RECORD by rename. */
        private List<FsEvent> install(String[] dist) {
            String info = dist[0];
            String pkg = dist[1];
            List<FsEvent> out = new ArrayList<>();
            top(out, Kind.CREATED, info);
            top(out, Kind.CREATED, pkg);
            if (random.nextInt(4) == 0) {
                top(out, Kind.CREATED, pkg + ".py");
                top(out, Kind.MODIFIED, pkg + ".py");
            }
            for (String file : new String[] {"METADATA", "WHEEL", "top_level.txt", "entry_points.txt"}) {
                if (file.equals("entry_points.txt") && random.nextBoolean()) {
                    continue;
                }
                child(out, Kind.CREATED, info, file);
                child(out, Kind.MODIFIED, info, file);
            }
            if (random.nextBoolean()) {
                child(out, Kind.CREATED, info, "licenses");
            }
            child(out, Kind.CREATED, info, "RECORD"); // the wheel's own RECORD, extracted
            child(out, Kind.MODIFIED, info, "RECORD");
            top(out, Kind.MODIFIED, pkg); // byte-compiling writes __pycache__ inside it
            renameInto(out, info, "INSTALLER");
            child(out, Kind.CREATED, info, "REQUESTED");
            renameInto(out, info, "RECORD"); // the final RECORD: closes the distribution
            return out;
        }

        /** pip's write through a temporary name: CREATE, MODIFY, ATTRIB, then a rename. */
        private void renameInto(List<FsEvent> out, String info, String name) {
            String tmp = name + tmpSuffix() + ".tmp";
            child(out, Kind.CREATED, info, tmp);
            child(out, Kind.MODIFIED, info, tmp);
            child(out, Kind.MODIFIED, info, tmp);
            child(out, Kind.DELETED, info, tmp);
            child(out, Kind.CREATED, info, name);
        }

        /** The old files are moved aside into {@code ~} stashes, the new version installed, the stashes deleted. */
        private List<FsEvent> upgrade(String[] dist) {
            List<FsEvent> out = new ArrayList<>();
            List<String> stashes = stash(out, dist);
            String[] newer = {dist[0].replaceFirst("-[^-]*\\.dist-info$", "-9.9.9.dist-info"), dist[1]};
            out.addAll(install(newer));
            dropStashes(out, stashes);
            return out;
        }

        private List<FsEvent> uninstall(String[] dist) {
            List<FsEvent> out = new ArrayList<>();
            dropStashes(out, stash(out, dist));
            return out;
        }

        private List<String> stash(List<FsEvent> out, String[] dist) {
            List<String> stashes = new ArrayList<>();
            for (String name : dist) {
                String stash = "~" + name.substring(1);
                top(out, Kind.DELETED, name);
                top(out, Kind.CREATED, stash);
                stashes.add(stash);
            }
            // the watcher registers the stashed dist-info and lists what it already holds
            for (String file : new String[] {"METADATA", "WHEEL", "top_level.txt", "INSTALLER", "RECORD"}) {
                child(out, Kind.CREATED, stashes.get(0), file);
            }
            return stashes;
        }

        private void dropStashes(List<FsEvent> out, List<String> stashes) {
            for (String file : new String[] {"METADATA", "WHEEL", "top_level.txt", "INSTALLER", "RECORD"}) {
                child(out, Kind.DELETED, stashes.get(0), file);
            }
            for (String stash : stashes) {
                top(out, Kind.DELETED, stash);
            }
        }

        private List<FsEvent> interleave(List<FsEvent> a, List<FsEvent> b) {
            List<FsEvent> out = new ArrayList<>(a.size() + b.size());
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                boolean takeA = j == b.size() || i < a.size() && random.nextBoolean();
                out.add(takeA ? a.get(i++) : b.get(j++));
            }
            return out;
        }

        private String tmpSuffix() {
            char[] c = new char[8];
            for (int k = 0; k < c.length; k++) {
                c[k] = TMP_CHARS.charAt(random.nextInt(TMP_CHARS.length()));
            }
            return new String(c);
        }

        private static void top(List<FsEvent> out, Kind kind, String name) {
            out.add(FsEvent.top(ENV, kind, fresh(name)));
        }

        private static void child(List<FsEvent> out, Kind kind, String top, String name) {
            out.add(FsEvent.child(ENV, kind, fresh(top), fresh(name)));
        }

        /** A new String with no cached hash, like {@code WatchEvent.context().toString()} returns. */
        private static String fresh(String s) {
            return new String(s.toCharArray());
        }
    }
}
