package ai.spawn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", description = "Serve an earlier version of an app again (see `spawnai versions ID`).")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Parameters(index = "1", paramLabel = "N", description = "the version to restore")
    int version;

    @Override
    public Integer call() {
        if (version < 1) {
            throw CliException.usage("versions are numbered from 1");
        }
        CliEnvironment env = root.env();
        ApiClient api = common.connect(env);
        ApiClient.Reply reply = api.post(ApiClient.appPath(id, "/versions/" + version + "/restore"), null);
        return ChatCommand.follow(api, env, common.json, id, reply);
    }
}
