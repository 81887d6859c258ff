package ai.spawn.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Follows an app's progress stream until the app settles, drawing the events, and returns the app's final view.
 * The stream replays history first, so an event that looks final (LIVE, FAILED, ...) is confirmed with
 * {@code GET /api/v1/apps/{id}} before the follow ends: an earlier version's LIVE in the history of a chat
 * message does not end it. A dropped stream is resumed with {@code Last-Event-ID}. Ctrl-C stops following (the
 * app goes on) with a note saying how to look at it later. Not thread-safe.
 */
final class AppFollower {

    /** Statuses in which the app is still being made or changed. */
    static final Set<String> BUSY = Set.of("QUEUED", "GENERATING", "VALIDATING", "PROVISIONING", "INSTALLING",
            "STARTING", "UPDATING");
    private static final int MAX_QUIET_RECONNECTS = 5;

    private final ApiClient api;
    private final CliEnvironment env;
    private final boolean quiet;

    /** {@code quiet}: draw nothing (for {@code --json}). */
    AppFollower(ApiClient api, CliEnvironment env, boolean quiet) {
        this.api = api;
        this.env = env;
        this.quiet = quiet;
    }

    /**
     * Follows app {@code id} until it is no longer {@link #BUSY}; events older than {@code since} (the server's
     * time of the request that started this change, or {@code null}) are not drawn.
     */
    JsonNode follow(String id, Instant since) {
        ProgressView view = new ProgressView(env.out(), env.tty());
        Thread onInterrupt = new Thread(() -> {
            view.end();
            env.err().println("spawnai: stopped following; app " + id + " goes on (see `spawnai status " + id + "`)");
            env.err().flush();
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return follow(id, since, view);
        } finally {
            view.end();
            env.out().flush();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already; the hook runs and says what happened
            }
        }
    }

    private JsonNode follow(String id, Instant since, ProgressView view) {
        long lastSeq = 0;
        int quietReconnects = 0;
        while (true) {
            boolean progressed = false;
            try (EventStream stream = api.events(id, lastSeq)) {
                ProgressEvent event;
                while ((event = stream.next()) != null) {
                    lastSeq = Math.max(lastSeq, event.seq());
                    progressed = true;
                    if (!quiet && (since == null || event.time() == null || !event.time().isBefore(since))) {
                        view.show(event);
                    }
                    if (event.settled()) {
                        JsonNode app = api.get(ApiClient.appPath(id, ""));
                        if (!BUSY.contains(Json.text(app, "status", ""))) {
                            return app;
                        }
                    }
                }
            } catch (IOException e) {
                // the stream broke; resumed below from the last event seen
            }
            JsonNode app = api.get(ApiClient.appPath(id, ""));
            if (!BUSY.contains(Json.text(app, "status", ""))) {
                return app;
            }
            quietReconnects = progressed ? 0 : quietReconnects + 1;
            if (quietReconnects > MAX_QUIET_RECONNECTS) {
                throw new CliException(ExitCode.SERVER_ERROR, "the progress stream of app " + id + " on "
                        + api.server() + " keeps ending without news; see `spawnai status " + id + "`");
            }
        }
    }
}
