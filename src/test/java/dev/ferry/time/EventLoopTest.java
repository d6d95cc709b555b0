package dev.ferry.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    @Test
    @DisplayName("runs posted tasks and timed tasks on the thread that runs the loop, until stopped")
    void runsOnOneThread() throws Exception {
        SystemClock clock = new SystemClock();
        EventLoop loop = new EventLoop(clock);
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread runner = new Thread(loop::run, "loop");
        long start = clock.nanos();
        loop.schedule(start + 50_000_000L, () -> ran.add("timed on " + Thread.currentThread().getName()));
        // cancelled before the loop runs: on a loaded machine a running loop may reach its 10 ms first
        Timer.Scheduled cancelled = loop.schedule(start + 10_000_000L, () -> ran.add("cancelled"));
        cancelled.cancel();
        loop.execute(() -> ran.add("posted on " + Thread.currentThread().getName()));
        loop.schedule(start + 80_000_000L, loop::stop);
        runner.start();
        runner.join(5_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(ran).containsExactly("posted on loop", "timed on loop");
        assertThat(clock.nanos() - start).isGreaterThanOrEqualTo(80_000_000L);
    }
}
