package dev.ferry.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The token file: '<token> <scope>' lines, refused whole with file:line on the first bad one. */
class TokensTest {

    static final String T = "abcdefghijklmnop";

    @Test
    @DisplayName("reads admin and session scopes, skipping comments and blank lines; both header schemes work")
    void reads() {
        Tokens tokens = Tokens.parse(List.of("# who may call", "", T + " admin", "  " + T + "-alice   session:alice  "),
                "f");
        assertThat(tokens.authorize("Bearer " + T)).contains(Scope.ADMIN);
        assertThat(tokens.authorize("token " + T + "-alice")).contains(new Scope("alice"));
        assertThat(tokens.authorize("bearer " + T)).contains(Scope.ADMIN);
        assertThat(tokens.authorize("Basic " + T)).isEmpty();
        assertThat(tokens.authorize(T)).isEmpty();
        assertThat(tokens.authorize(null)).isEmpty();
        assertThat(tokens.authorize("Bearer " + T + "x")).isEmpty();
    }

    @Test
    @DisplayName("refuses a line with a missing scope, a bad scope, a short token or a repeated token, by line")
    void refuses() {
        assertThatThrownBy(() -> Tokens.parse(List.of(T), "f")).hasMessageStartingWith("f:1: expected");
        assertThatThrownBy(() -> Tokens.parse(List.of("# c", T + " root"), "f")).hasMessageStartingWith("f:2: the scope");
        assertThatThrownBy(() -> Tokens.parse(List.of(T + " session:../x"), "f")).hasMessageStartingWith("f:1: the scope");
        assertThatThrownBy(() -> Tokens.parse(List.of("short admin"), "f")).hasMessageStartingWith("f:1: a token");
        assertThatThrownBy(() -> Tokens.parse(List.of(T + " admin", T + " session:a"), "f"))
                .hasMessageStartingWith("f:2: this token is already given");
        assertThatThrownBy(() -> Tokens.parse(List.of("# nothing"), "f")).hasMessageContaining("no token");
    }
}
