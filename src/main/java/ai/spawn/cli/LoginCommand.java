package ai.spawn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "login", description = {"Show, start or adopt the session used with a server.",
    "Sessions are anonymous: the token is the only key to its apps; it is kept per server in",
    "~/.config/spawnai/credentials.json (mode 600). With --token, that token is checked and remembered."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Option(names = "--new", description = "start a new session even if one is remembered"
            + " (the old session's apps stay with the old token)")
    boolean fresh;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        JsonMapper json = Json.mapper();
        String server = common.server(env);
        Credentials credentials = common.credentials(env);
        TokenSource given = common.givenToken(env);
        Credentials.Session session;
        ApiClient api;
        boolean started = false;
        if (given != null) {
            api = new ApiClient(server, json, given);
            session = new Credentials.Session(server, null, given.token(api));
        } else {
            StoredToken stored = new StoredToken(credentials, env.err());
            api = new ApiClient(server, json, stored);
            session = fresh ? null : credentials.find(server).orElse(null);
            if (session == null) {
                session = stored.create(api);
                started = true;
            }
        }
        int apps = api.get("/api/v1/apps").path("apps").size();
        if (given != null) {
            credentials.save(session);
        }
        if (common.json) {
            ObjectNode answer = json.createObjectNode().put("server", server).put("sessionId", session.sessionId())
                    .put("token", session.token()).put("apps", apps).put("new", started)
                    .put("credentials", credentials.file().toString());
            env.out().println(Json.pretty(json, answer));
        } else {
            env.out().println((started ? "started session " : "session ")
                    + (session.sessionId() == null ? "" : session.sessionId() + " ") + "on " + server + ", "
                    + apps + (apps == 1 ? " app" : " apps"));
            env.out().println("token saved in " + credentials.file());
        }
        return ExitCode.OK;
    }
}
