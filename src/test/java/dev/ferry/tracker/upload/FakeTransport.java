package dev.ferry.tracker.upload;

import dev.ferry.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A transport whose requests wait until the test answers them; it keeps what was sent and when. */
final class FakeTransport implements UploadTransport {

    /** One request the uploader sent, at {@code atNanos}. */
    record Sent(UploadRequest request, long atNanos) {
    }

    private final Clock clock;
    final List<Sent> sent = new ArrayList<>();
    private Consumer<UploadAnswer> waiting;

    FakeTransport(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(UploadRequest request, Consumer<UploadAnswer> answered) {
        if (waiting != null) {
            throw new AssertionError("a second request while " + sent.get(sent.size() - 1) + " is in flight");
        }
        sent.add(new Sent(request, clock.nanos()));
        waiting = answered;
    }

    @Override
    public String destination() {
        return "http://127.0.0.1:1";
    }

    boolean inFlight() {
        return waiting != null;
    }

    UploadRequest last() {
        return sent.get(sent.size() - 1).request();
    }

    /** Answers the request in flight. */
    void answer(UploadAnswer.Kind kind) {
        answer(UploadAnswer.of(kind, "HTTP test"));
    }

    void answer(UploadAnswer answer) {
        if (waiting == null) {
            throw new AssertionError("nothing in flight to answer");
        }
        Consumer<UploadAnswer> callback = waiting;
        waiting = null;
        callback.accept(answer);
    }

    List<Long> sendTimesMillis() {
        return sent.stream().map(s -> s.atNanos() / 1_000_000L).toList();
    }
}
