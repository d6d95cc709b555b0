package dev.ferry.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupsTest {

    private static SessionDisruptions.Row row(String cluster, double visible, double total) {
        return new SessionDisruptions.Row(cluster, cluster == null ? Double.NaN : 10, visible, total,
                0, visible > 0);
    }

    private static final List<SessionDisruptions.Row> ROWS = List.of(
            row("a", 0, 20), row("b", 30, 40), row("a", 5, 5), row(null, 0, 0), row("b", 30, 90));

    @Test
    @DisplayName("splits by key in the keys' order, sessions without a key left out; quantiles by nearest rank")
    void split() {
        List<Groups.Group> groups = Groups.split(ROWS, i -> ROWS.get(i).cluster());
        assertThat(groups).extracting(Groups.Group::key).containsExactly("a", "b");
        Groups.Group a = groups.get(0);
        assertThat(a.sessions()).isEqualTo(2);
        assertThat(a.disruptedWhileActive()).isEqualTo(1);
        assertThat(a.userVisible()).containsExactly(0, 5, 5, 5);
        assertThat(a.total()).containsExactly(5, 20, 20, 20);
        assertThat(groups.get(1).total()).containsExactly(40, 90, 90, 90);
    }

    @Test
    @DisplayName("the worst: most user-visible first, then most in all; undisrupted sessions never")
    void worst() {
        // sessions 1 and 4 tie on 30 s user-visible; 4 was down longer in all
        assertThat(Groups.worst(ROWS, 10)).containsExactly(4, 1, 2, 0);
        assertThat(Groups.worst(ROWS, 2)).containsExactly(4, 1);
    }
}
