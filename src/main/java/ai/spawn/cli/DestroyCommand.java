package ai.spawn.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "destroy", description = "Stop an app and delete its sandbox now (again is fine).")
final class DestroyCommand implements Callable<Integer> {

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        JsonNode app = common.connect(env).delete(ApiClient.appPath(id, ""));
        if (!common.printedJson(env, app)) {
            env.out().println("app " + id + " is " + Json.text(app, "status", "destroyed").toLowerCase(Locale.ROOT));
        }
        return ExitCode.OK;
    }
}
