package ai.spawn.cli;

/** The exit codes of {@code spawnai}; scripts may rely on them. */
final class ExitCode {

    static final int OK = 0;
    /** The app failed, or an error that fits no other code. */
    static final int FAILED = 1;
    /** Bad arguments or input (also a 400 answer of the server). */
    static final int USAGE = 2;
    /** The session token was refused. */
    static final int AUTH = 3;
    /** Unknown id, or the app has ended. */
    static final int NOT_FOUND = 4;
    /** The server cannot be reached. */
    static final int UNREACHABLE = 5;
    /** The server failed (HTTP 5xx). */
    static final int SERVER_ERROR = 6;

    private ExitCode() {
    }
}
