package ai.spawn.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "chat", description = {"Ask for a change to a live app; it is answered by a new version.",
    "If the change fails, the previous version keeps serving and the exit code is 1."})
final class ChatCommand implements Callable<Integer> {

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "MESSAGE", description = "the change, e.g. \"make it blue\"")
    List<String> words;

    @Override
    public Integer call() {
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw CliException.usage("say what to change, e.g. spawnai chat " + id + " \"make it blue\"");
        }
        CliEnvironment env = root.env();
        ApiClient api = common.connect(env);
        ApiClient.Reply reply = api.post(ApiClient.appPath(id, "/messages"),
                Json.mapper().createObjectNode().put("text", text));
        return follow(api, env, common.json, id, reply);
    }

    /** Follows a change that {@code reply} (an AppView) started, and reports it against the version before. */
    static int follow(ApiClient api, CliEnvironment env, boolean json, String id, ApiClient.Reply reply) {
        Long before = Json.number(reply.body(), "version");
        if (!json) {
            env.out().println("app " + id + ": making a new version");
        }
        JsonNode app = new AppFollower(api, env, json).follow(id, reply.serverTime());
        return new Outcome(env, json).changed(app, before == null ? 0 : before);
    }
}
