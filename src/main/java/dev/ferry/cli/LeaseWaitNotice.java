package dev.ferry.cli;

import dev.ferry.api.control.LeaseHolder;
import dev.ferry.tracker.lease.LeaseAnswer;
import dev.ferry.tracker.lease.LeaseLink;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** The lease link, saying once on standard error while the instance waits for a lease it does not hold yet. */
final class LeaseWaitNotice implements LeaseLink {
    private final LeaseLink link;
    private final LeaseHolder holder;
    private final PrintWriter err;
    private volatile boolean said;

    LeaseWaitNotice(LeaseLink link, LeaseHolder holder, PrintWriter err) {
        this.link = link;
        this.holder = holder;
        this.err = err;
    }

    @Override
    public void renew(Consumer<LeaseAnswer> answered) {
        link.renew(answer -> {
            if (!said && !(answer instanceof LeaseAnswer.Granted)) {
                said = true;
                Warnings.warn(err, "the session's lease is not held by this instance (" + holder.place() + "/"
                        + holder.instance() + ") yet: " + (answer instanceof LeaseAnswer.HeldByAnother h
                        ? "an instance on " + h.place() + " holds it" : ((LeaseAnswer.Failed) answer).detail())
                        + "; asking again");
            }
            answered.accept(answer);
        });
    }

    @Override
    public void release() {
        link.release();
    }
}
