package ai.spawn.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "new", description = {"Describe an app and get it running.",
    "Shows the progress, then the app's URL; exits 1 when the app fails (with the failing step and why)."})
final class NewCommand implements Callable<Integer> {

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTION", description = "what to build, e.g. \"a pomodoro timer\"")
    List<String> words;

    @Option(names = "--open", description = "open the app in a browser once it is live")
    boolean open;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        String prompt = String.join(" ", words).strip();
        if (prompt.isEmpty()) {
            throw CliException.usage("describe the app, e.g. spawnai new \"a pomodoro timer\"");
        }
        ApiClient api = common.connect(env);
        JsonNode created = api.post("/api/v1/apps", Json.mapper().createObjectNode().put("prompt", prompt)).body();
        String id = Json.text(created, "id");
        if (!common.json) {
            env.out().println("app " + id + ": " + prompt);
        }
        JsonNode app = new AppFollower(api, env, common.json).follow(id, null);
        return new Outcome(env, common.json).made(app, open);
    }
}
