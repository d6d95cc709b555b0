package dev.ferry.api.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The session ids the control plane accepts are exactly those its rule states, written as a regular expression. */
class SessionIdProperties {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    @Property(tries = 2000)
    @Label("ids near the rule's alphabet (and a few characters outside it) are accepted exactly when the rule says")
    void nearTheAlphabet(@ForAll @StringLength(min = 0, max = 140) @CharRange(from = 'a', to = 'z')
            @CharRange(from = 'A', to = 'Z') @CharRange(from = '0', to = '9') @Chars({'.', '_', '-', ' ', '/', ':',
                    '\u00e9', '\n'}) String id) {
        assertThat(SessionId.valid(id)).as(id).isEqualTo(RULE.matcher(id).matches());
    }

    @Property(tries = 1000)
    @Label("any string is accepted exactly when the rule says")
    void anyString(@ForAll String id) {
        assertThat(SessionId.valid(id)).as(id).isEqualTo(RULE.matcher(id).matches());
    }

    @Example
    @Label("the edges: empty, null, 128 and 129 characters, a leading dot, dash or underscore")
    void edges() {
        assertThat(SessionId.valid(null)).isFalse();
        assertThat(SessionId.valid("")).isFalse();
        assertThat(SessionId.valid("a".repeat(128))).isTrue();
        assertThat(SessionId.valid("a".repeat(129))).isFalse();
        assertThat(SessionId.valid(".a")).isFalse();
        assertThat(SessionId.valid("-a")).isFalse();
        assertThat(SessionId.valid("_a")).isFalse();
        assertThat(SessionId.valid("jupyter-alice.server_1")).isTrue();
    }
}
