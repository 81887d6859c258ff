package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, usage errors and the exit codes of server answers, against {@link FakeSpawnAi}. */
class SpawnAiCliTest {

    @TempDir
    Path config;

    FakeSpawnAi server;
    InProcessCli cli;

    @BeforeEach
    void start() throws IOException {
        server = new FakeSpawnAi();
        cli = new InProcessCli(server.url(), config);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "deploy", "list", "status", "logs", "chat", "versions", "restore", "extend",
        "retry", "destroy", "download", "login"})
    void everyCommandHasHelp(String command) {
        InProcessCli.Result result = cli.run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: spawnai " + command).contains("--json").contains("--server=URL");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void topLevelHelpListsCommandsAndExitCodes() {
        InProcessCli.Result result = cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("new", "deploy", "logs", "Exit codes:", "3   the session token was refused",
                "5   the server cannot be reached");
    }

    @Test
    void noArgumentsPrintsUsage() {
        InProcessCli.Result result = cli.run();

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: spawnai");
    }

    @Test
    void unknownCommandIsAUsageErrorWithSuggestions() {
        InProcessCli.Result result = cli.run("lst");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("spawnai: Unmatched argument at index 0: 'lst'").contains("spawnai list")
                .contains("Try `spawnai --help`");
    }

    @Test
    void missingArgumentIsAUsageError() {
        InProcessCli.Result result = cli.run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Missing required parameter: 'ID'").contains("spawnai status --help");
    }

    @Test
    void serverDownExits5WithAPlainMessage() throws IOException {
        String down;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = "http://127.0.0.1:" + socket.getLocalPort();
        }

        InProcessCli.Result result = cli.run("list", "--server", down);

        assertThat(result.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(result.err()).isEqualTo("spawnai: cannot reach SpawnAI at " + down
                + ": connection refused. Is `./spawnai serve` running?\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownIdExits4WithTheServersDetail() {
        InProcessCli.Result result = cli.env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN).run("status", "nope");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(result.err()).isEqualTo("spawnai: no app with id 'x' in this session\n");
    }

    @Test
    void endedAppExits4() {
        server.on("POST", "/api/v1/apps/app1/extend", r -> FakeSpawnAi.Response.problem(410, "App has ended",
                "app app1 is destroyed; create a new one"));

        InProcessCli.Result result = cli.run("extend", "app1", "1h");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(result.err()).contains("app app1 is destroyed; create a new one");
    }

    @Test
    void rejectedRequestExits2() {
        server.on("POST", "/api/v1/apps/app1/extend", r -> FakeSpawnAi.Response.problem(400, "Invalid request",
                "an app may live at most 24h from now"));

        InProcessCli.Result result = cli.env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN).run("extend", "app1", "99h");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("spawnai: an app may live at most 24h from now\n");
    }

    @Test
    void terminalEscapesInTheServersMessagesAreNotPrinted() {
        server.on("POST", "/api/v1/apps/app1/extend", r -> FakeSpawnAi.Response.problem(400, "Invalid request",
                "app failed\\nlast output:\\n\\u001b]52;c;cm0gLXJmIH4=\\u0007\\u001b[2Jboom"));
        server.on("GET", "/api/v1/apps", r -> new FakeSpawnAi.Response(409, "text/plain",
                "busy \u001b]0;title\u0007now", Map.of(), false));

        InProcessCli.Result extend = cli.env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN).run("extend", "app1", "1h");
        InProcessCli.Result list = cli.run("list");

        assertThat(extend.err()).isEqualTo("spawnai: app failed\nlast output:\nboom\n");
        assertThat(list.err()).isEqualTo("spawnai: busy now\n");
    }

    @Test
    void serverErrorExits6() {
        server.on("GET", "/api/v1/apps", r -> FakeSpawnAi.Response.problem(500, "Internal error",
                "something went wrong on our side; the error was logged"));

        InProcessCli.Result result = cli.run("list");

        assertThat(result.exitCode()).isEqualTo(ExitCode.SERVER_ERROR);
        assertThat(result.err()).contains("failed (HTTP 500): something went wrong on our side")
                .doesNotContain("\tat ");
    }

    @Test
    void nonJsonErrorsStillReadWell() {
        server.on("GET", "/api/v1/apps", r -> new FakeSpawnAi.Response(502, "text/html",
                "<html><body>Bad gateway</body></html>", Map.of(), false));

        InProcessCli.Result result = cli.env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN).run("list");

        assertThat(result.exitCode()).isEqualTo(ExitCode.SERVER_ERROR);
        assertThat(result.err()).isEqualTo("spawnai: SpawnAI at " + server.url() + " failed (HTTP 502)\n");
    }

    @Test
    void refusedStoredTokenExits3AndSaysWhatToDo() {
        server.onJson("GET", "/api/v1/apps", 200, "{\"apps\":[]}");
        assertThat(cli.run("list").exitCode()).isZero();
        server.acceptToken("another");

        InProcessCli.Result result = cli.run("list");

        assertThat(result.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(result.err()).isEqualTo("spawnai: your session token was refused by " + server.url()
                + "; run `spawnai login --new` to start a new session\n");
        assertThat(server.requests("POST", "/api/v1/sessions")).hasSize(1);
    }

    @Test
    void refusedGivenTokenExits3() {
        InProcessCli.Result result = cli.run("list", "--token", "wrong");

        assertThat(result.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(result.err()).contains("the token given with --token was refused by " + server.url());
        assertThat(server.requests("POST", "/api/v1/sessions")).isEmpty();
    }

    @Test
    void tokenFromTheEnvironmentIsUsed() {
        server.onJson("GET", "/api/v1/apps", 200, "{\"apps\":[]}");

        InProcessCli.Result result = cli.env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN).run("list");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("GET", "/api/v1/apps").get(0).authorization()).isEqualTo("Bearer tok-1");
        assertThat(server.requests("POST", "/api/v1/sessions")).isEmpty();
    }

    @Test
    void malformedServerUrlIsAUsageError() {
        InProcessCli.Result result = cli.run("list", "--server", "localhost:8080");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("'localhost:8080' is not a server URL");
    }

    @Test
    void serverComesFromTheOptionThenTheEnvironment() {
        server.onJson("GET", "/api/v1/apps", 200, "{\"apps\":[]}");

        assertThat(new InProcessCli(null, config).run("list", "--server", server.url() + "/").exitCode()).isZero();
        assertThat(new InProcessCli(server.url(), config).run("list").exitCode()).isZero();
        assertThat(server.requests("GET", "/api/v1/apps")).hasSize(2);
    }

    @Test
    void idsThatCannotBeIdsAreRefusedBeforeAnyCall() {
        InProcessCli.Result result = cli.run("status", "../sessions");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("'../sessions' is not an app id");
        assertThat(server.requests("GET", "/api/v1/sessions")).isEmpty();
    }

    @Test
    void callsTheServerDoesNotOfferAreNamedAsSuch() {
        server.on("GET", "/api/v1/apps/app1/versions", r -> FakeSpawnAi.Response.problem(404, "Not Found",
                "No static resource api/v1/apps/app1/versions."));

        InProcessCli.Result result = cli.run("versions", "app1");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains("does not offer this call; it may be older than this client");
    }
}
