package ai.spawn.cli;

import java.net.URI;
import java.net.URISyntaxException;

import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** The options every command takes: which server, which token, and JSON output. */
final class CommonOptions {

    static final String DEFAULT_SERVER = "http://localhost:8080";

    @Option(names = "--server", paramLabel = "URL",
            description = {"SpawnAI server (default: $SPAWNAI_SERVER, else", DEFAULT_SERVER + ")"})
    String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = {"session token to use instead of the remembered one", "(default: $SPAWNAI_TOKEN)"})
    String token;

    @Option(names = "--json", description = "print the server's JSON answer only, for scripts")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    /**
     * With {@code --json}, prints {@code answer} (pretty) as the command's whole output and returns {@code true};
     * without, prints nothing and returns {@code false}: the caller prints its text.
     */
    boolean printedJson(CliEnvironment env, JsonNode answer) {
        if (json) {
            env.out().println(Json.pretty(Json.mapper(), answer));
        }
        return json;
    }

    /** {@code --server}, else {@code SPAWNAI_SERVER}, else the local default; without a trailing slash. */
    String server(CliEnvironment env) {
        String raw = server;
        if (raw == null || raw.isBlank()) {
            raw = env.env().get("SPAWNAI_SERVER");
        }
        if (raw == null || raw.isBlank()) {
            raw = DEFAULT_SERVER;
        }
        raw = raw.strip();
        while (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw notAServer(raw);
        }
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                && uri.getQuery() == null && uri.getFragment() == null) {
            return raw;
        }
        throw notAServer(raw);
    }

    private static CliException notAServer(String raw) {
        return CliException.usage("'" + raw + "' is not a server URL; use e.g. --server " + DEFAULT_SERVER);
    }

    /** A client for the server, with the given token or the remembered session. */
    ApiClient connect(CliEnvironment env) {
        return new ApiClient(server(env), Json.mapper(), tokens(env));
    }

    private TokenSource tokens(CliEnvironment env) {
        TokenSource given = givenToken(env);
        return given != null ? given : new StoredToken(credentials(env), env.err());
    }

    /** The token of {@code --token}, else of {@code SPAWNAI_TOKEN}, else {@code null}. */
    TokenSource givenToken(CliEnvironment env) {
        if (token != null && !token.isBlank()) {
            return TokenSource.given(token.strip(), "--token");
        }
        String fromEnv = env.env().get("SPAWNAI_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return TokenSource.given(fromEnv.strip(), "SPAWNAI_TOKEN");
        }
        return null;
    }

    Credentials credentials(CliEnvironment env) {
        return new Credentials(env.configDir(), Json.mapper());
    }
}
