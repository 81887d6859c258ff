package ai.spawn.cli;

import java.util.ArrayList;
import java.util.List;
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

@Command(name = "logs", description = {"Print an app's output (stdout and stderr, last lines).",
    "With --follow, keep printing new lines until the app ends or Ctrl-C."})
final class LogsCommand implements Callable<Integer> {

    private static final Set<String> OVER = Set.of("FAILED", "EXPIRED", "DESTROYED");
    private static final int MAX_LINES = 1000;

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Option(names = {"-f", "--follow"}, description = "keep printing new lines until the app ends")
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "200",
            description = "how many of the last lines to print first (1-" + MAX_LINES + ", default: ${DEFAULT-VALUE})")
    int lines;

    @Override
    public Integer call() throws InterruptedException {
        if (lines < 1 || lines > MAX_LINES) {
            throw CliException.usage("--lines must be between 1 and " + MAX_LINES);
        }
        CliEnvironment env = root.env();
        ApiClient api = common.connect(env);
        JsonMapper json = Json.mapper();
        JsonNode first = api.get(ApiClient.appPath(id, "/logs?lines=" + lines));
        List<String> seen = lines(first);
        if (!follow) {
            if (common.json) {
                env.out().println(Json.pretty(json, first));
            } else {
                seen.forEach(env.out()::println);
            }
            return ExitCode.OK;
        }
        print(seen, env, json);
        while (true) {
            String status = Json.text(api.get(ApiClient.appPath(id, "")), "status", "?");
            List<String> now = lines(api.get(ApiClient.appPath(id, "/logs?lines=" + MAX_LINES)));
            print(newLines(seen, now), env, json);
            seen = now;
            if (OVER.contains(status)) {
                env.err().println("spawnai: app " + id + " is " + status.toLowerCase(Locale.ROOT)
                        + "; no more output");
                return ExitCode.OK;
            }
            Thread.sleep(env.pollInterval().toMillis());
        }
    }

    private void print(List<String> newLines, CliEnvironment env, JsonMapper json) {
        for (String line : newLines) {
            env.out().println(common.json ? json.writeValueAsString(json.createObjectNode().put("id", id)
                    .put("line", line)) : line);
        }
        env.out().flush();
    }

    private static List<String> lines(JsonNode logs) {
        List<String> result = new ArrayList<>();
        logs.path("lines").forEach(line -> result.add(Json.text(line)));
        return result;
    }

    /**
     * The lines of {@code current} that {@code previous} did not have, when both are the last lines of the same
     * growing output: the longest end of {@code previous} that starts {@code current} is taken as their overlap.
     * Repeated identical lines can make the overlap look longer than it is; then a few repeats are not printed.
     */
    static List<String> newLines(List<String> previous, List<String> current) {
        for (int overlap = Math.min(previous.size(), current.size()); overlap > 0; overlap--) {
            if (previous.subList(previous.size() - overlap, previous.size()).equals(current.subList(0, overlap))) {
                return current.subList(overlap, current.size());
            }
        }
        return current;
    }
}
