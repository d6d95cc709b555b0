package dev.ferry.api.control;

/**
 * Which session ids the control plane accepts: 1 to 128 characters of ASCII letters, digits, {@code .}, {@code _}
 * and {@code -}, starting with a letter or digit (Kubernetes names, Peloton job ids and JupyterHub user names with
 * their server suffix all fit). Anything else never reaches the store or a log line.
 */
public final class SessionId {

    public static final int MAX_LENGTH = 128;

    private SessionId() {
    }

    /** A loop rather than a regular expression: every call to the control plane checks its session id. */
    public static boolean valid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || !letterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The rule in words, for an answer that refuses an id. */
    public static String rule() {
        return "a session id is 1 to " + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ -, starting with a letter or digit";
    }
}
