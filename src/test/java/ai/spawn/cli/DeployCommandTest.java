package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DeployCommandTest {

    @TempDir
    Path config;

    @TempDir
    Path app;

    FakeSpawnAi server;
    InProcessCli cli;

    @BeforeEach
    void start() throws IOException {
        server = new FakeSpawnAi();
        cli = new InProcessCli(server.url(), config).env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN);
        server.onJson("POST", "/api/v1/apps", 202, Samples.CREATED);
        server.onEvents("app1", Samples.event(1, "live", "LIVE", 100, null, "live"));
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.LIVE_APP);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void deploysTheDirectoryAsABundle() throws IOException {
        Files.writeString(app.resolve("server.js"), "require('http').createServer().listen(process.env.PORT)");
        Files.createDirectories(app.resolve("node_modules/x"));
        Files.writeString(app.resolve("node_modules/x/i.js"), "x");

        InProcessCli.Result result = cli.run("deploy", app.toString(), "--start", "node server.js", "--port", "3000");

        assertThat(result.exitCode()).isZero();
        JsonNode bundle = Json.mapper().readTree(server.requests("POST", "/api/v1/apps").get(0).body()).path("bundle");
        assertThat(bundle.path("runtime").asString()).isEqualTo("node");
        assertThat(bundle.path("start").asString()).isEqualTo("node server.js");
        assertThat(bundle.path("port").asInt()).isEqualTo(3000);
        assertThat(bundle.path("title").asString()).isEqualTo(app.getFileName().toString());
        assertThat(bundle.path("files").propertyNames()).containsExactly("server.js");
        assertThat(bundle.has("install")).isFalse();
        assertThat(result.outLines().get(0)).isEqualTo("app app1: 1 files from " + app + " as node, start `node server.js`");
        assertThat(result.out()).endsWith("http://3000-app1.localhost:8081/\n");
    }

    @Test
    void explicitRuntimeWinsOverTheGuess() throws IOException {
        Files.writeString(app.resolve("index.html"), "<h1>hi</h1>");
        Files.writeString(app.resolve("tool.py"), "print(1)");

        InProcessCli.Result result = cli.run("deploy", app.toString(), "--runtime", "static", "--title", "Hi");

        assertThat(result.exitCode()).isZero();
        JsonNode bundle = Json.mapper().readTree(server.requests("POST", "/api/v1/apps").get(0).body()).path("bundle");
        assertThat(bundle.path("runtime").asString()).isEqualTo("static");
        assertThat(bundle.path("title").asString()).isEqualTo("Hi");
        assertThat(bundle.has("start")).isFalse();
    }

    @Test
    void undetectableRuntimeIsAUsageError() throws IOException {
        Files.writeString(app.resolve("notes.md"), "# notes");

        InProcessCli.Result result = cli.run("deploy", app.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("cannot tell how to run").contains("--runtime node|python|static");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void binaryFilesAreRefusedBeforeAnyCall() throws IOException {
        Files.writeString(app.resolve("index.html"), "<img src=a.png>");
        Files.write(app.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});

        InProcessCli.Result result = cli.run("deploy", app.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("spawnai: cannot deploy binary files, the API takes text files only: a.png;"
                + " move them out of " + app + "\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void serverRejectionOfTheBundleIsShown() throws IOException {
        Files.writeString(app.resolve("index.html"), "<h1>hi</h1>");
        server.on("POST", "/api/v1/apps", r -> FakeSpawnAi.Response.problem(400, "Invalid request",
                "the bundle has too many files"));

        InProcessCli.Result result = cli.run("deploy", app.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("spawnai: the bundle has too many files\n");
    }
}
