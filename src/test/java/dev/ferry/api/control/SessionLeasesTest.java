package dev.ferry.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.migrate.reconcile.LeaseStatus;
import dev.ferry.time.ManualTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("session leases: one holder at a time, renewed for the TTL, free once expired or released")
class SessionLeasesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long TTL_MS = 300_000;

    private final ManualTime time = new ManualTime(0, 1_000_000);
    private final SessionLeases leases = new SessionLeases(time, TTL_MS);
    private final LeaseHolder source = new LeaseHolder(LeaseStatus.SOURCE, "run-1");
    private final LeaseHolder pod = new LeaseHolder("k8s-b1", "s-1-pod");

    @Test
    @DisplayName("the first request takes the lease for the TTL; the holder's renewals move the expiry, not the start")
    void grantAndRenew() {
        assertThat(leases.renew("s-1", source)).isEqualTo(new LeaseOutcome.Granted(1_000_000 + TTL_MS, TTL_MS));
        time.advanceBy(100 * SECOND);
        assertThat(leases.renew("s-1", source)).isEqualTo(new LeaseOutcome.Granted(1_100_000 + TTL_MS, TTL_MS));
        assertThat(leases.lease("s-1")).contains(new LeaseStatus(LeaseStatus.SOURCE, 1_000_000, 1_100_000 + TTL_MS,
                false));
    }

    @Test
    @DisplayName("another instance is refused until the lease expires (at the expiry instant it is free)")
    void exclusiveUntilExpiry() {
        leases.renew("s-1", source);
        time.advanceTo(300 * SECOND - 1);
        assertThat(leases.renew("s-1", pod)).isEqualTo(new LeaseOutcome.HeldByAnother(LeaseStatus.SOURCE,
                1_000_000 + TTL_MS));
        time.advanceTo(300 * SECOND);
        assertThat(leases.renew("s-1", pod)).isInstanceOf(LeaseOutcome.Granted.class);
        assertThat(leases.lease("s-1").orElseThrow().place()).isEqualTo("k8s-b1");
        assertThat(leases.lease("s-1").orElseThrow().acquiredAtMillis()).isEqualTo(1_300_000);
    }

    @Test
    @DisplayName("a release by the holder frees the lease at once; a release by anyone else changes nothing")
    void release() {
        leases.renew("s-1", source);
        time.advanceBy(10 * SECOND);
        assertThat(leases.release("s-1", pod)).isFalse();
        assertThat(leases.renew("s-1", pod)).isInstanceOf(LeaseOutcome.HeldByAnother.class);
        assertThat(leases.release("s-1", source)).isTrue();
        assertThat(leases.lease("s-1")).contains(new LeaseStatus(LeaseStatus.SOURCE, 1_000_000, 1_010_000, true));
        assertThat(leases.renew("s-1", pod)).isEqualTo(new LeaseOutcome.Granted(1_010_000 + TTL_MS, TTL_MS));
    }

    @Test
    @DisplayName("an instance whose lease lapsed takes it anew (a new acquisition time), as any other would")
    void lapsedHolderStartsAnew() {
        leases.renew("s-1", pod);
        time.advanceBy(400 * SECOND);
        leases.renew("s-1", pod);
        assertThat(leases.lease("s-1").orElseThrow().acquiredAtMillis()).isEqualTo(1_400_000);
    }

    @Test
    @DisplayName("sessions' leases are independent; a session never asked for has none")
    void perSession() {
        leases.renew("s-1", source);
        assertThat(leases.renew("s-2", pod)).isInstanceOf(LeaseOutcome.Granted.class);
        assertThat(leases.lease("s-3")).isEmpty();
    }

    @Test
    @DisplayName("bad session ids, holders and TTLs are refused")
    void validation() {
        assertThatThrownBy(() -> leases.renew("../x", source)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeaseHolder("k8s b1", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionLeases(time, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
