package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What list, status, extend, destroy, versions and download print, for people and with --json. */
class CommandOutputTest {

    @TempDir
    Path config;

    @TempDir
    Path work;

    FakeSpawnAi server;
    InProcessCli cli;

    @BeforeEach
    void start() throws IOException {
        server = new FakeSpawnAi();
        cli = new InProcessCli(server.url(), config).env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listIsAnAlignedTable() {
        server.onJson("GET", "/api/v1/apps", 200, "{\"apps\":[" + Samples.LIVE_APP + ","
                + "{\"id\":\"b2\",\"status\":\"DESTROYED\",\"prompt\":\"a very long description of an app that goes"
                + " on and on\",\"url\":\"http://3000-b2.localhost:8081/\",\"expiresAt\":\"2026-03-01T11:00:00Z\"}]}");

        InProcessCli.Result result = cli.run("list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).containsExactly(
                "ID    STATUS     TITLE                                     EXPIRES IN  URL",
                "app1  LIVE       Pomodoro timer                            59m         http://3000-app1.localhost:8081/",
                "b2    DESTROYED  a very long description of an app tha...  -           -");
    }

    @Test
    void emptyListSaysHowToStart() {
        server.onJson("GET", "/api/v1/apps", 200, "{\"apps\":[]}");

        assertThat(cli.run("list").out()).contains("no apps in this session yet");
    }

    @Test
    void jsonPrintsTheServersAnswer() {
        server.onJson("GET", "/api/v1/apps", 200, "{\"apps\":[" + Samples.LIVE_APP + "]}");

        InProcessCli.Result result = cli.run("list", "--json");

        JsonNode printed = Json.mapper().readTree(result.out());
        assertThat(printed).isEqualTo(Json.mapper().readTree("{\"apps\":[" + Samples.LIVE_APP + "]}"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void statusIsOneFieldPerLine() {
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.FAILED_APP);

        InProcessCli.Result result = cli.run("status", "app1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).containsExactly(
                "id:                 app1",
                "status:             FAILED",
                "prompt:             a pomodoro timer",
                "runtime:            node",
                "version:            1",
                "created:            2026-03-01T11:55:00Z (5m ago)",
                "expires:            2026-03-01T12:59:30Z (in 59m)",
                "error:              install: npm ERR! 404 left-pad",
                "                    exit 1");
    }

    @Test
    void statusJsonIsTheAppView() {
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.LIVE_APP);

        JsonNode printed = Json.mapper().readTree(cli.run("status", "app1", "--json").out());

        assertThat(printed).isEqualTo(Json.mapper().readTree(Samples.LIVE_APP));
    }

    @Test
    void extendSendsTheDurationAndPrintsTheNewDeadline() {
        server.onJson("POST", "/api/v1/apps/app1/extend", 200,
                Samples.LIVE_APP.replace("2026-03-01T12:59:30Z", "2026-03-01T14:59:30Z"));

        InProcessCli.Result result = cli.run("extend", "app1", "2h");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("app app1 now expires at 2026-03-01T14:59:30Z (in 2h 59m)\n");
        assertThat(server.requests("POST", "/api/v1/apps/app1/extend").get(0).body())
                .isEqualTo("{\"duration\":\"2h\"}");
    }

    @Test
    void destroySaysSo() {
        server.onJson("DELETE", "/api/v1/apps/app1", 200, Samples.app("DESTROYED", 1, ""));

        InProcessCli.Result result = cli.run("destroy", "app1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("app app1 is destroyed\n");
    }

    @Test
    void versionsMarkTheOneServing() {
        server.onJson("GET", "/api/v1/apps/app1/versions", 200, """
                {"current":2,"versions":[
                 {"number":1,"source":"prompt","summary":"Pomodoro timer","createdAt":"2026-03-01T11:55:00Z","status":"SUPERSEDED"},
                 {"number":2,"source":"message","summary":"Blue header","createdAt":"2026-03-01T11:58:00Z","status":"LIVE"}]}""");

        InProcessCli.Result result = cli.run("versions", "app1");

        assertThat(result.outLines()).containsExactly(
                "   VERSION  STATUS      SOURCE   CREATED  SUMMARY",
                "   1        SUPERSEDED  prompt   5m ago   Pomodoro timer",
                "*  2        LIVE        message  2m ago   Blue header");
    }

    @Test
    void downloadSavesTheZipUnderItsSuggestedName() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 0, 0};
        server.on("GET", "/api/v1/apps/app1/download", r -> new FakeSpawnAi.Response(200, "application/zip",
                new String(zip, StandardCharsets.ISO_8859_1), Map.of(
                "Content-Disposition", "attachment; filename=\"pomodoro-app1.zip\""), false));
        Path target = work.resolve("out.zip");

        InProcessCli.Result result = cli.run("download", "app1", "-o", target.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("saved " + target + " (6 bytes)\n");
        assertThat(Files.size(target)).isEqualTo(6);
    }

    @Test
    void browserFailureIsOnlyANote() {
        server.onJson("POST", "/api/v1/apps", 202, Samples.CREATED);
        server.onEvents("app1", Samples.event(1, "live", "LIVE", 100, null, "live"));
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.LIVE_APP);

        InProcessCli.Result result = cli.browserFails("xdg-open not found").run("new", "x", "--open");

        assertThat(result.exitCode()).isZero();
        assertThat(cli.opened()).containsExactly("http://3000-app1.localhost:8081/");
        assertThat(result.err()).contains("could not open a browser (xdg-open not found)");
    }
}
