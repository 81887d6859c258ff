package ai.spawn.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "status", description = "Show one app: status, URL, lifetime, version, files, error.")
final class StatusCommand implements Callable<Integer> {

    private static final int MAX_FILES_SHOWN = 10;

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        JsonNode app = common.connect(env).get(ApiClient.appPath(id, ""));
        if (!common.printedJson(env, app)) {
            describe(app, env.clock().instant()).forEach(env.out()::println);
        }
        return ExitCode.OK;
    }

    static List<String> describe(JsonNode app, Instant now) {
        List<String> lines = new ArrayList<>();
        add(lines, "id", Json.text(app, "id"));
        add(lines, "status", Json.text(app, "status"));
        add(lines, "title", Json.text(app, "title"));
        add(lines, "prompt", Json.text(app, "prompt"));
        add(lines, "url", Json.text(app, "url"));
        add(lines, "runtime", Json.text(app, "runtime"));
        add(lines, "version", Json.text(app, "version"));
        add(lines, "engine", Json.text(app, "engine"));
        Instant created = Json.instant(app, "createdAt");
        add(lines, "created", created == null ? null : created + " (" + TimeText.ago(created, now) + ")");
        Instant expires = Json.instant(app, "expiresAt");
        add(lines, "expires", expires == null ? null : expires + " (" + (expires.isAfter(now)
                ? "in " + TimeText.until(expires, now) : TimeText.ago(expires, now)) + ")");
        JsonNode cost = app.get("cost");
        if (cost != null && cost.isObject() && cost.get("totalUsd") != null) {
            add(lines, "cost", "$" + Json.text(cost, "totalUsd"));
        }
        JsonNode files = app.path("files");
        if (files.isArray() && !files.isEmpty()) {
            List<String> names = new ArrayList<>();
            files.forEach(f -> names.add(Json.text(f)));
            String shown = String.join(", ", names.subList(0, Math.min(MAX_FILES_SHOWN, names.size())));
            add(lines, "files", names.size() > MAX_FILES_SHOWN ? shown + " (+" + (names.size() - MAX_FILES_SHOWN)
                    + " more)" : shown);
        }
        problem(lines, "error", app.get("error"));
        problem(lines, "last update error", app.get("lastUpdateError"));
        return lines;
    }

    private static void problem(List<String> lines, String label, JsonNode error) {
        if (error != null && error.isObject()) {
            add(lines, label, Json.text(error, "step", "?") + ": " + Json.text(error, "message", "no reason given"));
        }
    }

    private static void add(List<String> lines, String label, String value) {
        if (value == null) {
            return;
        }
        String pad = " ".repeat(Math.max(1, 19 - label.length()));
        String indent = " ".repeat(19);
        String[] valueLines = value.split("\n", -1);
        lines.add(label + ":" + pad + valueLines[0]);
        for (int i = 1; i < valueLines.length; i++) {
            lines.add(indent + " " + valueLines[i]);
        }
    }
}
