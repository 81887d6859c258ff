package ai.spawn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "retry", description = "Make a FAILED app again, showing the progress like `new`.")
final class RetryCommand implements Callable<Integer> {

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Option(names = "--open", description = "open the app in a browser once it is live")
    boolean open;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        ApiClient api = common.connect(env);
        ApiClient.Reply reply = api.post(ApiClient.appPath(id, "/retry"), null);
        return new Outcome(env, common.json).made(new AppFollower(api, env, common.json).follow(id,
                reply.serverTime()), open);
    }
}
