package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The remembered session: created once, kept per server, readable by its owner only. */
class CredentialsTest {

    @TempDir
    Path config;

    FakeSpawnAi server;
    InProcessCli cli;

    @BeforeEach
    void start() throws IOException {
        server = new FakeSpawnAi().onJson("GET", "/api/v1/apps", 200, "{\"apps\":[]}");
        cli = new InProcessCli(server.url(), config);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void firstCallCreatesASessionAndLaterCallsReuseIt() {
        InProcessCli.Result first = cli.run("list");
        InProcessCli.Result second = cli.run("list");

        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).contains("started session s1 on " + server.url());
        assertThat(second.err()).isEmpty();
        assertThat(server.requests("POST", "/api/v1/sessions")).hasSize(1);
        assertThat(server.requests("GET", "/api/v1/apps")).extracting(FakeSpawnAi.Recorded::authorization)
                .containsExactly("Bearer tok-1", "Bearer tok-1");
    }

    @Test
    void credentialsFileIsReadableByItsOwnerOnly() throws IOException {
        cli.run("list");

        Path dir = config.resolve("spawnai");
        Path file = dir.resolve("credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        JsonNode saved = Json.mapper().readTree(Files.readString(file));
        assertThat(saved.path("servers").path(server.url()).path("token").asString()).isEqualTo("tok-1");
        assertThat(saved.path("servers").path(server.url()).path("sessionId").asString()).isEqualTo("s1");
    }

    @Test
    void replacingTheTokenKeepsTheFileOwnerOnly() throws IOException {
        cli.run("list");
        cli.run("login", "--new");

        Path file = config.resolve("spawnai/credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("credentials.json");
        }
    }

    @Test
    void sessionsAreKeptPerServer() throws IOException {
        try (FakeSpawnAi other = new FakeSpawnAi().onJson("GET", "/api/v1/apps", 200, "{\"apps\":[]}")) {
            cli.run("list");
            cli.run("list", "--server", other.url());
            cli.run("list", "--server", other.url());

            JsonNode servers = Json.mapper().readTree(Files.readString(config.resolve("spawnai/credentials.json")))
                    .path("servers");
            assertThat(servers.has(server.url())).isTrue();
            assertThat(servers.has(other.url())).isTrue();
            assertThat(other.requests("POST", "/api/v1/sessions")).hasSize(1);
            assertThat(server.requests("POST", "/api/v1/sessions")).hasSize(1);
        }
    }

    @Test
    void withoutXdgConfigHomeTheTokenGoesUnderHome() {
        InProcessCli.Result result = cli.env("XDG_CONFIG_HOME", null).run("list");

        assertThat(result.exitCode()).isZero();
        assertThat(config.resolve("home/.config/spawnai/credentials.json")).exists();
    }

    @Test
    void loginShowsTheRememberedSession() {
        cli.run("list");

        InProcessCli.Result result = cli.run("login");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("session s1 on " + server.url() + ", 0 apps\ntoken saved in "
                + config.resolve("spawnai/credentials.json") + "\n");
        assertThat(server.requests("POST", "/api/v1/sessions")).hasSize(1);
    }

    @Test
    void loginNewStartsAnotherSessionAndRemembersIt() {
        AtomicInteger sessions = new AtomicInteger();
        server.on("POST", "/api/v1/sessions", r -> {
            int n = sessions.incrementAndGet();
            return FakeSpawnAi.Response.json(201, "{\"sessionId\":\"s" + n + "\",\"token\":\"tok-" + n + "\"}");
        });
        cli.run("list");
        server.acceptToken("tok-2");
        assertThat(cli.run("list").exitCode()).isEqualTo(ExitCode.AUTH);

        InProcessCli.Result login = cli.run("login", "--new", "--json");
        InProcessCli.Result list = cli.run("list");

        assertThat(login.exitCode()).isZero();
        JsonNode answer = Json.mapper().readTree(login.out());
        assertThat(answer.path("sessionId").asString()).isEqualTo("s2");
        assertThat(answer.path("token").asString()).isEqualTo("tok-2");
        assertThat(answer.path("new").asBoolean()).isTrue();
        assertThat(list.exitCode()).isZero();
    }

    @Test
    void loginWithATokenAdoptsItAfterCheckingIt() {
        InProcessCli.Result refused = cli.run("login", "--token", "stolen");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(config.resolve("spawnai/credentials.json")).doesNotExist();

        InProcessCli.Result adopted = cli.run("login", "--token", FakeSpawnAi.TOKEN);
        InProcessCli.Result list = cli.run("list");

        assertThat(adopted.exitCode()).isZero();
        assertThat(list.exitCode()).isZero();
        assertThat(server.requests("POST", "/api/v1/sessions")).isEmpty();
    }

    @Test
    void unreadableCredentialsAreReportedWithTheirPath() throws IOException {
        Files.createDirectories(config.resolve("spawnai"));
        Files.writeString(config.resolve("spawnai/credentials.json"), "{not json");

        InProcessCli.Result result = cli.run("list");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains("cannot read " + config.resolve("spawnai/credentials.json"))
                .contains("delete it to start a new session");
    }
}
