package ai.spawn.cli;

import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "extend", description = {"Give an app more time.",
    "The deadline moves by DURATION, at most 24 hours from now."})
final class ExtendCommand implements Callable<Integer> {

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Parameters(index = "1", paramLabel = "DURATION", description = "30m, 2h, 1d or ISO-8601 such as PT1H")
    String duration;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        JsonNode app = common.connect(env).post(ApiClient.appPath(id, "/extend"),
                Json.mapper().createObjectNode().put("duration", duration)).body();
        if (!common.printedJson(env, app)) {
            Instant expires = Json.instant(app, "expiresAt");
            env.out().println("app " + id + " now expires at " + expires + " (in "
                    + TimeText.until(expires, env.clock().instant()) + ")");
        }
        return ExitCode.OK;
    }
}
