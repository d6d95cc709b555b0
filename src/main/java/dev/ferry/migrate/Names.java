package dev.ferry.migrate;

import java.util.regex.Pattern;

/**
 * The name rules session ids, owners, teams and clusters follow: Kubernetes' DNS-1123 rules (apimachinery's
 * validation, restated), since each of them ends up naming something on a target cluster.
 */
public final class Names {

    /** Maximum length of a DNS-1123 label, and of a label value. */
    public static final int LABEL_MAX = 63;
    private static final int SUBDOMAIN_MAX = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    public static final String LABEL_RULE = "lower-case letters, digits and '-', starting and ending with a letter or digit";

    private Names() {
    }

    /** A DNS-1123 label of at most {@code max} characters. */
    public static boolean isLabel(String s, int max) {
        return s != null && s.length() <= max && LABEL.matcher(s).matches();
    }

    /** A DNS-1123 subdomain: dot-separated labels, at most 253 characters (also accepts dotted IPv4). */
    public static boolean isSubdomain(String s) {
        return s != null && s.length() <= SUBDOMAIN_MAX && SUBDOMAIN.matcher(s).matches();
    }

    /** {@code 'value'}, or {@code null} unquoted, for messages. */
    public static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
