package ai.spawn.cli;

/** Where the bearer token comes from, and what to tell the user when the server refuses it. */
interface TokenSource {

    /** The token to send; may create a session through {@code api}. */
    String token(ApiClient api);

    /** The message for a 401 answer from {@code server}. */
    String refused(String server);

    /** A token given on the command line or in {@code SPAWNAI_TOKEN}. */
    static TokenSource given(String token, String origin) {
        return new TokenSource() {
            @Override
            public String token(ApiClient api) {
                return token;
            }

            @Override
            public String refused(String server) {
                return "the token given with " + origin + " was refused by " + server;
            }
        };
    }
}
