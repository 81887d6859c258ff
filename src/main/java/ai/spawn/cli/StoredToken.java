package ai.spawn.cli;

import java.io.PrintWriter;

import tools.jackson.databind.JsonNode;

/**
 * The session remembered in {@link Credentials} for the server; on first use against a server it creates a
 * session and remembers it, saying so on stderr. A refused stored token is not replaced silently: the user's
 * apps belong to that session, so the user decides ({@code spawnai login --new}). Not thread-safe.
 */
final class StoredToken implements TokenSource {

    private final Credentials credentials;
    private final PrintWriter notes;
    private String token;
    private boolean createdNow;

    StoredToken(Credentials credentials, PrintWriter notes) {
        this.credentials = credentials;
        this.notes = notes;
    }

    @Override
    public String token(ApiClient api) {
        if (token == null) {
            token = credentials.find(api.server()).map(Credentials.Session::token).orElseGet(() -> {
                Credentials.Session session = create(api);
                notes.println("spawnai: started session " + session.sessionId() + " on " + api.server()
                        + " (token saved in " + credentials.file() + ")");
                return session.token();
            });
        }
        return token;
    }

    /** Creates a new session on the server of {@code api} and remembers it, replacing an earlier one. */
    Credentials.Session create(ApiClient api) {
        JsonNode answer = api.createSession();
        String newToken = Json.text(answer, "token");
        if (newToken == null) {
            throw new CliException(ExitCode.SERVER_ERROR, "SpawnAI at " + api.server()
                    + " created a session but sent no token");
        }
        Credentials.Session session = new Credentials.Session(api.server(), Json.text(answer, "sessionId"), newToken);
        credentials.save(session);
        token = newToken;
        createdNow = true;
        return session;
    }

    @Override
    public String refused(String server) {
        if (createdNow) {
            return server + " refused the session token it has just issued";
        }
        return "your session token was refused by " + server + "; run `spawnai login --new` to start a new session";
    }
}
