package ai.spawn.cli;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "list", description = "List the apps of this session, newest first.")
final class ListCommand implements Callable<Integer> {

    private static final Set<String> ENDED = Set.of("EXPIRED", "DESTROYED");
    private static final int TITLE_WIDTH = 40;

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        JsonNode answer = common.connect(env).get("/api/v1/apps");
        if (common.printedJson(env, answer)) {
            return ExitCode.OK;
        }
        JsonNode apps = answer.path("apps");
        if (apps.isEmpty()) {
            env.out().println("no apps in this session yet; make one with `spawnai new \"a todo list app\"`");
            return ExitCode.OK;
        }
        Instant now = env.clock().instant();
        Table table = new Table("ID", "STATUS", "TITLE", "EXPIRES IN", "URL");
        for (JsonNode app : apps) {
            String status = Json.text(app, "status", "?");
            boolean ended = ENDED.contains(status);
            table.row(Json.text(app, "id"), status,
                    Table.cut(Json.text(app, "title", Json.text(app, "prompt")), TITLE_WIDTH),
                    ended ? "-" : TimeText.until(Json.instant(app, "expiresAt"), now),
                    ended ? "-" : Json.text(app, "url"));
        }
        table.lines().forEach(env.out()::println);
        return ExitCode.OK;
    }
}
