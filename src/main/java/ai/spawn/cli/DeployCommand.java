package ai.spawn.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "deploy", description = {"Deploy a directory of your own code (no generation).",
    "Skips node_modules, hidden files and directories, and files over 1 MiB; refuses binary files.",
    "The runtime is guessed: package.json → node, requirements.txt or *.py → python, index.html → static.",
    "The app must listen on $PORT."})
final class DeployCommand implements Callable<Integer> {

    private static final Set<String> RUNTIMES = Set.of("node", "python", "static");

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "DIR", description = "the directory to deploy")
    Path dir;

    @Option(names = "--runtime", paramLabel = "RUNTIME", description = "node, python or static (default: guessed)")
    String runtime;

    @Option(names = "--start", paramLabel = "COMMAND", description = "start command, e.g. \"node server.js\" "
            + "(default: guessed from package.json or the usual file names)")
    String start;

    @Option(names = "--install", paramLabel = "COMMAND",
            description = "install command (default: npm install when package.json has dependencies,"
                    + " pip install -r requirements.txt when it lists any)")
    String install;

    @Option(names = "--port", paramLabel = "PORT", description = "the port the app listens on (default: the server's,"
            + " 3000; also in $PORT)")
    Integer port;

    @Option(names = "--title", paramLabel = "TITLE", description = "the app's title (default: the directory's name)")
    String title;

    @Option(names = "--open", description = "open the app in a browser once it is live")
    boolean open;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        JsonMapper json = Json.mapper();
        Path source = dir.toAbsolutePath().normalize();
        BundleDirectory files = BundleDirectory.read(source);
        files.skipped().forEach(line -> env.err().println("spawnai: skipped " + line));
        String kind = runtime != null ? runtime.strip().toLowerCase(Locale.ROOT) : files.detectRuntime();
        if (kind == null) {
            throw CliException.usage("cannot tell how to run " + dir + " (no package.json, requirements.txt, *.py"
                    + " or index.html); pass --runtime node|python|static and --start");
        }
        if (!RUNTIMES.contains(kind)) {
            throw CliException.usage("--runtime must be node, python or static, not '" + runtime + "'");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw CliException.usage("--port must be between 1 and 65535");
        }
        String startCommand = start != null ? start : files.guessStart(kind, json);
        if (startCommand == null && !kind.equals("static")) {
            throw CliException.usage("cannot tell how to start this " + kind + " app; pass --start, e.g. --start \""
                    + (kind.equals("node") ? "node server.js" : "python3 app.py") + "\"");
        }
        String installCommand = install != null ? install : files.guessInstall(kind, json);
        String name = title != null ? title : source.getFileName() == null ? null : source.getFileName().toString();

        ObjectNode bundle = json.createObjectNode();
        bundle.put("runtime", kind);
        putIfSet(bundle, "title", name);
        putIfSet(bundle, "start", startCommand);
        putIfSet(bundle, "install", installCommand);
        if (port != null) {
            bundle.put("port", port);
        }
        ObjectNode fileMap = bundle.putObject("files");
        files.files().forEach(fileMap::put);
        ObjectNode body = json.createObjectNode();
        body.set("bundle", bundle);

        ApiClient api = common.connect(env);
        JsonNode created = api.post("/api/v1/apps", body).body();
        String id = Json.text(created, "id");
        if (!common.json) {
            env.out().println("app " + id + ": " + files.files().size() + " files from " + dir + " as " + kind
                    + (startCommand == null ? "" : ", start `" + startCommand + "`")
                    + (installCommand == null ? "" : ", install `" + installCommand + "`"));
        }
        JsonNode app = new AppFollower(api, env, common.json).follow(id, null);
        return new Outcome(env, common.json).made(app, open);
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
