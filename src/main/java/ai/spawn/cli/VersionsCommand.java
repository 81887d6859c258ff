package ai.spawn.cli;

import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "versions", description = "List an app's versions; * marks the one serving.")
final class VersionsCommand implements Callable<Integer> {

    private static final int SUMMARY_WIDTH = 60;

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        JsonNode answer = common.connect(env).get(ApiClient.appPath(id, "/versions"));
        if (common.printedJson(env, answer)) {
            return ExitCode.OK;
        }
        Long current = Json.number(answer, "current");
        Instant now = env.clock().instant();
        Table table = new Table("", "VERSION", "STATUS", "SOURCE", "CREATED", "SUMMARY");
        for (JsonNode v : answer.path("versions")) {
            Long number = Json.number(v, "number");
            table.row(number != null && number.equals(current) ? "*" : "", String.valueOf(number),
                    Json.text(v, "status"), Json.text(v, "source"), TimeText.ago(Json.instant(v, "createdAt"), now),
                    Table.cut(Json.text(v, "summary"), SUMMARY_WIDTH));
        }
        table.lines().forEach(env.out()::println);
        return ExitCode.OK;
    }
}
