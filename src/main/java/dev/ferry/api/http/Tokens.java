package dev.ferry.api.http;

import dev.ferry.api.control.SessionId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tokens the server accepts, read from a file of one token per line: {@code <token> <scope>}, where the scope is
 * {@code admin} or {@code session:<id>}; blank lines and lines starting with {@code #} are ignored. A token is 16 to
 * 256 characters of {@code A-Z a-z 0-9 - . _ ~ + / =}. A line that breaks a rule, or a token given twice, refuses
 * the whole file with its line number. Tokens are kept only as SHA-256 digests.
 */
public final class Tokens {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{16,256}");
    private static final String SESSION = "session:";

    private final Map<String, Scope> byDigest;

    private Tokens(Map<String, Scope> byDigest) {
        this.byDigest = byDigest;
    }

    /** Reads {@code file}; a problem is an {@link IllegalArgumentException} whose message starts with file:line. */
    public static Tokens read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static Tokens parse(List<String> lines, String source) {
        Map<String, Scope> byDigest = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + "expected '<token> <scope>' (scope admin or session:<id>),"
                        + " found " + parts.length + " field" + (parts.length == 1 ? "" : "s"));
            }
            if (!TOKEN.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(where + "a token is 16 to 256 characters of A-Z a-z 0-9 - . _ ~ + / =");
            }
            Scope scope = scope(parts[1], where);
            if (byDigest.put(digest(parts[0]), scope) != null) {
                throw new IllegalArgumentException(where + "this token is already given on an earlier line");
            }
        }
        if (byDigest.isEmpty()) {
            throw new IllegalArgumentException(source + ": no token in the file; add lines '<token> admin' or"
                    + " '<token> session:<id>'");
        }
        return new Tokens(byDigest);
    }

    private static Scope scope(String text, String where) {
        if (text.equals("admin")) {
            return Scope.ADMIN;
        }
        if (text.startsWith(SESSION) && SessionId.valid(text.substring(SESSION.length()))) {
            return new Scope(text.substring(SESSION.length()));
        }
        throw new IllegalArgumentException(where + "the scope '" + text + "' is neither admin nor session:<id> ("
                + SessionId.rule() + ")");
    }

    /**
     * The scope of the token in an {@code Authorization} header ({@code Bearer <token>}, or JupyterHub's
     * {@code token <token>}); empty when the header is missing, malformed or names no known token.
     */
    Optional<Scope> authorize(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        if (!scheme.equalsIgnoreCase("bearer") && !scheme.equalsIgnoreCase("token")) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDigest.get(digest(header.substring(space + 1).strip())));
    }

    private static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
