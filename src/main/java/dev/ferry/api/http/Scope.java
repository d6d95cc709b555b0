package dev.ferry.api.http;

/** What a token may do: everything ({@code admin}), or read and write one session ({@code session:<id>}). */
record Scope(String sessionId) {

    static final Scope ADMIN = new Scope(null);

    boolean admin() {
        return sessionId == null;
    }

    boolean mayUse(String session) {
        return admin() || sessionId.equals(session);
    }
}
