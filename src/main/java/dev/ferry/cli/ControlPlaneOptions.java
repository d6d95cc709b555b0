package dev.ferry.cli;

import dev.ferry.api.client.ControlPlaneAddress;
import dev.ferry.api.control.SessionId;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The control-plane options of {@code track} and {@code migrate plan} (a picocli mixin), checked before anything runs:
 * a URL, and a file holding the bearer token, read once.
 */
final class ControlPlaneOptions {

    @Option(names = "--control-plane", paramLabel = "URL",
            description = "The control plane's base URL, e.g. http://127.0.0.1:8686 (with --token-file).")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The file holding the token for --control-plane, read once at start (track: the session's"
                    + " token; migrate plan: an admin token).")
    Path tokenFile;

    /** Where {@code track} takes its session id from when {@code --session-id} is not given. */
    static final String SESSION_ID_VARIABLE = "FERRY_SESSION_ID";

    /**
     * The address, or null when neither option is given.
     *
     * @throws UserError (exit 2) for one without the other, a bad URL, or a token file that is missing, unreadable
     *                   or empty
     */
    ControlPlaneAddress address() {
        if (url == null && tokenFile == null) {
            return null;
        }
        if (url == null || tokenFile == null) {
            throw new UserError(url == null ? "--token-file is given without --control-plane; give both or neither"
                    : "--control-plane is given without --token-file; give the file holding this client's token", 2);
        }
        try {
            return new ControlPlaneAddress(ControlPlaneAddress.parse(url), token("--token-file", tokenFile));
        } catch (IllegalArgumentException e) {
            throw new UserError("--control-plane: " + e.getMessage(), 2);
        }
    }

    /** {@code --session-id}, else the {@value #SESSION_ID_VARIABLE} environment variable, checked. */
    static String sessionId(String option, String fromEnvironment) {
        String id = option != null ? option : fromEnvironment;
        String source = option != null ? "--session-id" : SESSION_ID_VARIABLE;
        if (id == null || id.isEmpty()) {
            throw new UserError("--control-plane needs the session's id: give --session-id ID or set "
                    + SESSION_ID_VARIABLE, 2);
        }
        if (!SessionId.valid(id)) {
            throw new UserError(source + " '" + id + "': " + SessionId.rule(), 2);
        }
        return id;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ControlPlaneAddress.CONNECT_TIMEOUT).build();
    }

    /** The one word in {@code file}, read once; {@code option} names it in messages. */
    static String token(String option, Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new UserError(option + " " + file + " is a directory; give the file holding the token", 2);
            }
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new UserError(option + " " + file + ": no such file; give the file holding the token", 2);
        } catch (IOException e) {
            throw new UserError(option + " " + file + ": cannot read it (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", 2);
        }
        if (text.isEmpty()) {
            throw new UserError(option + " " + file + " is empty; put the token in it", 2);
        }
        if (!text.matches("\\S+")) {
            throw new UserError(option + " " + file + " holds more than one word; it must hold only the token", 2);
        }
        return text;
    }
}
