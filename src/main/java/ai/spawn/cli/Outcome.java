package ai.spawn.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code new}, {@code deploy}, {@code retry}, {@code chat} and {@code restore} print once the app settled,
 * and their exit code: the URL last on stdout when it is live, {@code spawnai: ... failed at <step>: <message>}
 * on stderr and {@link ExitCode#FAILED} otherwise. With {@code --json} stdout holds the app's JSON only.
 */
final class Outcome {

    private final CliEnvironment env;
    private final boolean json;
    private final JsonMapper mapper = Json.mapper();

    Outcome(CliEnvironment env, boolean json) {
        this.env = env;
        this.json = json;
    }

    /** An app that was being made. */
    int made(JsonNode app, boolean open) {
        String id = Json.text(app, "id");
        String status = Json.text(app, "status", "?");
        printJson(app);
        if (!status.equals("LIVE")) {
            return failed(app, id, status);
        }
        if (!json) {
            String title = Json.text(app, "title");
            env.out().println("app " + id + (title == null ? "" : " (" + title + ")") + " is live, expires in "
                    + TimeText.until(Json.instant(app, "expiresAt"), env.clock().instant()));
            env.out().println(Json.text(app, "url", "(no URL)"));
        }
        if (open) {
            open(Json.text(app, "url"));
        }
        return ExitCode.OK;
    }

    /** An app that was being changed from version {@code versionBefore}. */
    int changed(JsonNode app, long versionBefore) {
        String id = Json.text(app, "id");
        String status = Json.text(app, "status", "?");
        Long version = Json.number(app, "version");
        printJson(app);
        if (!status.equals("LIVE")) {
            return failed(app, id, status);
        }
        JsonNode updateError = app.get("lastUpdateError");
        if (updateError != null && updateError.isObject() && (version == null || version <= versionBefore)) {
            env.err().println("spawnai: the change to app " + id + " failed at " + Json.text(updateError, "step", "?")
                    + ": " + Json.text(updateError, "message", "no reason given"));
            env.err().println("spawnai: version " + version + " keeps serving at " + Json.text(app, "url"));
            return ExitCode.FAILED;
        }
        if (!json) {
            env.out().println("version " + version + " of app " + id + " is live");
            env.out().println(Json.text(app, "url", "(no URL)"));
        }
        return ExitCode.OK;
    }

    void printJson(JsonNode node) {
        if (json) {
            env.out().println(Json.pretty(mapper, node));
        }
    }

    private int failed(JsonNode app, String id, String status) {
        JsonNode error = app.get("error");
        if (status.equals("FAILED")) {
            String step = Json.text(error, "step", "?");
            env.err().println("spawnai: app " + id + " failed at " + step + ": "
                    + Json.text(error, "message", "no reason given"));
            // before provisioning nothing ran, so there is no output to look at
            boolean ran = !Set.of("queued", "generate", "validate", "?").contains(step);
            env.err().println("spawnai: " + (ran ? "see `spawnai logs " + id + "`, or " : "") + "try again with"
                    + " `spawnai retry " + id + "`");
        } else {
            env.err().println("spawnai: app " + id + " is " + status.toLowerCase(Locale.ROOT)
                    + " and will not go live");
        }
        return ExitCode.FAILED;
    }

    private void open(String url) {
        if (url == null) {
            return;
        }
        try {
            env.browser().open(url);
        } catch (IOException e) {
            env.err().println("spawnai: note: could not open a browser (" + e.getMessage() + "); open the URL yourself");
        }
    }
}
