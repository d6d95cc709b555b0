package dev.ferry.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The agents of a load run: one session each, with that session's own token, and one admin token for the operators.
 * {@link #create} draws the tokens and writes both the server's tokens file and the list the simulations feed from.
 */
record Agents(List<Agent> agents, String adminToken) {

    /** One session's agent. */
    record Agent(String sessionId, String token) {
    }

    static final String TOKENS_FILE = "tokens";
    static final String AGENTS_FILE = "agents.csv";
    static final String ADMIN_FILE = "admin-token";

    /** The session id of agent {@code i}: a DNS label, as session ids are. */
    static String sessionId(int i) {
        return String.format("load-%05d", i);
    }

    /** Draws {@code count} session tokens and an admin token and writes them into {@code dir}. */
    static Agents create(Path dir, int count) throws IOException {
        SecureRandom random = new SecureRandom();
        List<Agent> agents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            agents.add(new Agent(sessionId(i), token(random)));
        }
        Agents all = new Agents(agents, token(random));
        Files.createDirectories(dir);
        StringBuilder tokens = new StringBuilder("# token scope: written by the load run's set-up\n");
        tokens.append(all.adminToken).append(" admin\n");
        StringBuilder csv = new StringBuilder("sessionId,token\n");
        for (Agent a : agents) {
            tokens.append(a.token()).append(" session:").append(a.sessionId()).append('\n');
            csv.append(a.sessionId()).append(',').append(a.token()).append('\n');
        }
        Files.writeString(dir.resolve(TOKENS_FILE), tokens, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(AGENTS_FILE), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ADMIN_FILE), all.adminToken + "\n", StandardCharsets.UTF_8);
        return all;
    }

    /** Reads what {@link #create} wrote. */
    static Agents read(Path dir) throws IOException {
        List<Agent> agents = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve(AGENTS_FILE), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            agents.add(new Agent(line.substring(0, comma), line.substring(comma + 1)));
        }
        return new Agents(agents, Files.readString(dir.resolve(ADMIN_FILE), StandardCharsets.UTF_8).trim());
    }

    /** The first {@code count} agents as Gatling feeder records, each used once. */
    List<Map<String, Object>> records(int count) {
        if (count > agents.size()) {
            throw new IllegalArgumentException(count + " agents asked for, the set-up wrote " + agents.size());
        }
        List<Map<String, Object>> out = new ArrayList<>(count);
        for (Agent a : agents.subList(0, count)) {
            out.add(Map.of("sessionId", a.sessionId(), "token", a.token()));
        }
        return out;
    }

    private static String token(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
