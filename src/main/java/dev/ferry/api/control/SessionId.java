package dev.ferry.api.control;

import java.util.regex.Pattern;

/**
 * Which session ids the control plane accepts: 1 to 128 characters of ASCII letters, digits, {@code .}, {@code _}
 * and {@code -}, starting with a letter or digit (Kubernetes names, Peloton job ids and JupyterHub user names with
 * their server suffix all fit). Anything else never reaches the store or a log line.
 */
public final class SessionId {

    public static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private SessionId() {
    }

    public static boolean valid(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /** The rule in words, for an answer that refuses an id. */
    public static String rule() {
        return "a session id is 1 to " + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ -, starting with a letter or digit";
    }
}
