package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import ai.spawn.SpawnAiApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code spawnai} command, in its own JVM ({@link CliProcess}), against a real SpawnAI started here:
 * bubblewrap sandboxes, the gateway and the offline blueprint generator.
 */
@SpringBootTest(classes = SpawnAiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spawnai.gateway.port=0")
class CliIT {

    // under target/, which the sandbox's unprivileged uid can enter (a private /tmp directory it cannot); left for
    // `mvn clean`, because the server writes to it until the JVM ends
    private static final Path DATA = Path.of("target", "cli-it-data-" + System.nanoTime()).toAbsolutePath();
    private static final Pattern APP_URL = Pattern.compile("^http://\\d+-([A-Za-z0-9_-]+)\\.localhost:\\d+/$");

    @LocalServerPort
    int port;

    Path config;
    CliProcess spawnai;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", DATA::toString);
    }

    @BeforeEach
    void freshClient() throws IOException {
        config = Files.createTempDirectory("spawnai-cli-it");
        spawnai = new CliProcess(server(), config);
    }

    @AfterEach
    void destroyAppsAndRemoveConfig() throws Exception {
        // ends the apps' event streams too, which the server would otherwise hold open at shutdown
        CliProcess.Run list = spawnai.run("list", "--json");
        if (list.exitCode() == 0) {
            for (JsonNode app : Json.mapper().readTree(list.out()).path("apps")) {
                spawnai.run("destroy", app.path("id").asString());
            }
        }
        FileSystemUtils.deleteRecursively(config.toFile());
    }

    @Test
    void aPromptBecomesALiveAppThatTheClientManagesToTheEnd() throws Exception {
        CliProcess.Run made = spawnai.run("new", "a todo list app");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        String url = made.lastLine();
        Matcher m = APP_URL.matcher(url);
        assertThat(m.matches()).as("the last line is the app's URL: " + made).isTrue();
        String id = m.group(1);
        assertThat(made.out()).contains("100% live");
        assertThat(made.err()).contains("started session");
        assertThat(Files.getPosixFilePermissions(credentials()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        CliProcess.Run list = spawnai.run("list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("STATUS", "TITLE",
                "EXPIRES IN", "URL");
        assertThat(list.out()).contains(id, "LIVE", url);

        CliProcess.Run status = spawnai.run("status", id, "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode app = Json.mapper().readTree(status.out());
        assertThat(app.path("status").asString()).isEqualTo("LIVE");
        assertThat(app.path("url").asString()).isEqualTo(url);

        CliProcess.Run logs = spawnai.run("logs", id);
        assertThat(logs.exitCode()).as(logs.toString()).isZero();

        CliProcess.Run extend = spawnai.run("extend", id, "2h");
        assertThat(extend.exitCode()).as(extend.toString()).isZero();
        assertThat(extend.out()).startsWith("app " + id + " now expires at").contains("(in 2h");

        CliProcess.Run chat = spawnai.run("chat", id, "make it blue");
        assertThat(chat.exitCode()).as(chat.toString()).isZero();
        assertThat(chat.out()).contains("version 2 of app " + id + " is live");
        assertThat(chat.lastLine()).isEqualTo(url);

        CliProcess.Run noChange = spawnai.run("chat", id, "make it faster");
        assertThat(noChange.exitCode()).as(noChange.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(noChange.err()).contains("the change to app " + id + " failed at")
                .contains("version 2 keeps serving at " + url);

        CliProcess.Run restore = spawnai.run("restore", id, "1");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();

        CliProcess.Run versions = spawnai.run("versions", id);
        assertThat(versions.exitCode()).as(versions.toString()).isZero();
        assertThat(versions.out()).contains("prompt", "message", "restore");
        assertThat(versions.out().lines().filter(line -> line.startsWith("*"))).hasSize(1);

        Path zip = config.resolve("app.zip");
        CliProcess.Run download = spawnai.run("download", id, "-o", zip.toString());
        assertThat(download.exitCode()).as(download.toString()).isZero();
        try (ZipFile files = new ZipFile(zip.toFile())) {
            assertThat(files.size()).isGreaterThan(1);
        }

        CliProcess.Run destroy = spawnai.run("destroy", id);
        assertThat(destroy.exitCode()).as(destroy.toString()).isZero();
        assertThat(destroy.out()).isEqualTo("app " + id + " is destroyed\n");

        CliProcess.Run ended = spawnai.run("extend", id, "1h");
        assertThat(ended.exitCode()).as(ended.toString()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(ended.err()).startsWith("spawnai: ").doesNotContain("\tat ");
    }

    @Test
    void aDirectoryIsDeployedAsItIs() throws Exception {
        Path dir = config.resolve("hello");
        Files.createDirectories(dir.resolve("node_modules/ignored"));
        Files.writeString(dir.resolve("node_modules/ignored/index.js"), "throw new Error('must not be deployed')");
        Files.writeString(dir.resolve("server.js"), """
                require('http').createServer((req, res) => res.end('hello from a bundle'))
                  .listen(process.env.PORT || 3000);
                """);

        CliProcess.Run deploy = spawnai.run("deploy", dir.toString(), "--start", "node server.js", "--port", "3000");

        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        Matcher m = APP_URL.matcher(deploy.lastLine());
        assertThat(m.matches()).as(deploy.toString()).isTrue();
        JsonNode app = Json.mapper().readTree(spawnai.run("status", m.group(1), "--json").out());
        assertThat(app.path("title").asString()).isEqualTo("hello");
        assertThat(app.path("files").toString()).contains("server.js").doesNotContain("node_modules");
    }

    @Test
    void anAppThatFailsExits1WithTheStepAndTheReason() throws Exception {
        CliProcess.Run run = spawnai.run("new", "xyzzy plugh");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("spawnai: app ").contains(" failed at generate: ").doesNotContain("\tat ");
    }

    @Test
    void unknownIdExits4() throws Exception {
        CliProcess.Run run = spawnai.run("status", "nosuchapp");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(run.err()).contains("spawnai: no app with id 'nosuchapp'").doesNotContain("\tat ");
    }

    @Test
    void refusedTokenExits3() throws Exception {
        CliProcess.Run run = spawnai.run("list", "--token", "sk_not-a-token");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AUTH);
        assertThat(run.err()).isEqualTo("spawnai: the token given with --token was refused by " + server() + "\n");
    }

    @Test
    void aRememberedTokenThatIsRefusedExits3WithAdvice() throws Exception {
        Files.createDirectories(credentials().getParent());
        Files.writeString(credentials(), "{\"servers\":{\"" + server() + "\":{\"token\":\"sk_forgotten\"}}}");

        CliProcess.Run run = spawnai.run("list");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AUTH);
        assertThat(run.err()).isEqualTo("spawnai: your session token was refused by " + server()
                + "; run `spawnai login --new` to start a new session\n");
    }

    private String server() {
        return "http://localhost:" + port;
    }

    private Path credentials() {
        return config.resolve("spawnai/credentials.json");
    }
}
