package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code new}, {@code chat} and {@code retry} follow the progress stream to the end. The fake holds each stream open
 * after its last event, as the real server does after LIVE, so a client that does not stop by itself hangs (the
 * timeout only turns such a hang into a failure).
 */
@Timeout(60)
class FollowTest {

    @TempDir
    Path config;

    FakeSpawnAi server;
    InProcessCli cli;

    @BeforeEach
    void start() throws IOException {
        server = new FakeSpawnAi();
        cli = new InProcessCli(server.url(), config).env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN);
        server.onJson("POST", "/api/v1/apps", 202, Samples.CREATED);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void streamUntil(String lastStatus, String lastStep, int percent) {
        server.onEvents("app1",
                Samples.event(1, "queued", "QUEUED", 0, 1200L, "queued"),
                Samples.event(2, "generate", "GENERATING", 20, 900L, "writing code"),
                Samples.event(3, "start", "STARTING", 65, 400L, "starting node server.js"),
                Samples.event(4, lastStep, lastStatus, percent, null, "done"));
    }

    @Test
    void newShowsEachStepAndEndsWithTheUrl() {
        streamUntil("LIVE", "live", 100);
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.LIVE_APP);

        InProcessCli.Result result = cli.run("new", "a", "pomodoro", "timer");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).containsExactly(
                "app app1: a pomodoro timer",
                "  0% queued    queued (ETA 1.2s)",
                " 20% generate  writing code (ETA 0.9s)",
                " 65% start     starting node server.js (ETA 0.4s)",
                "100% live      done",
                "app app1 (Pomodoro timer) is live, expires in 59m",
                "http://3000-app1.localhost:8081/");
        assertThat(server.requests("POST", "/api/v1/apps").get(0).body()).isEqualTo("{\"prompt\":\"a pomodoro timer\"}");
    }

    @Test
    void failedAppExits1WithTheStepAndTheReason() {
        streamUntil("FAILED", "install", 40);
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.FAILED_APP);

        InProcessCli.Result result = cli.run("new", "a pomodoro timer");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).startsWith("spawnai: app app1 failed at install: npm ERR! 404 left-pad\nexit 1\n")
                .contains("spawnai retry app1");
        assertThat(result.out()).doesNotContain("http://");
    }

    @Test
    void jsonPrintsOnlyTheFinalApp() {
        streamUntil("LIVE", "live", 100);
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.LIVE_APP);

        InProcessCli.Result result = cli.run("new", "a pomodoro timer", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(Json.mapper().readTree(result.out())).isEqualTo(Json.mapper().readTree(Samples.LIVE_APP));
    }

    @Test
    void onATerminalOneLineIsRedrawn() {
        streamUntil("LIVE", "live", 100);
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.LIVE_APP);

        InProcessCli.Result result = cli.tty(true).run("new", "a pomodoro timer");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\r[#############-------]  65% start  ETA 0.4s  starting node server.js\033[K")
                .contains("\r[####################] 100% live  done\033[K\n")
                .endsWith("http://3000-app1.localhost:8081/\n");
    }

    @Test
    void openOpensTheUrlOnceLive() {
        streamUntil("LIVE", "live", 100);
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.LIVE_APP);

        assertThat(cli.run("new", "x", "--open").exitCode()).isZero();
        assertThat(cli.opened()).containsExactly("http://3000-app1.localhost:8081/");
    }

    @Test
    void aDroppedStreamIsResumedAfterTheLastEvent() {
        AtomicInteger streams = new AtomicInteger();
        server.on("GET", "/api/v1/apps/app1/events", r -> streams.incrementAndGet() == 1
                ? FakeSpawnAi.Response.sse(false, Samples.event(1, "queued", "QUEUED", 0, null, "queued"),
                        Samples.event(2, "generate", "GENERATING", 20, null, "writing code"))
                : FakeSpawnAi.Response.sse(true, Samples.event(3, "live", "LIVE", 100, null, "live")));
        AtomicInteger gets = new AtomicInteger();
        server.on("GET", "/api/v1/apps/app1", r -> FakeSpawnAi.Response.json(200,
                gets.incrementAndGet() == 1 ? Samples.app("GENERATING", 0, "") : Samples.LIVE_APP));

        InProcessCli.Result result = cli.run("new", "x");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("GET", "/api/v1/apps/app1/events"))
                .extracting(FakeSpawnAi.Recorded::lastEventId).containsExactly(null, "2");
        assertThat(result.out()).contains("100% live").endsWith("http://3000-app1.localhost:8081/\n");
    }

    @Test
    void chatWaitsForTheNewVersionPastTheEarlierLiveInTheHistory() {
        // the server's clock is the real one (its Date header); the history began a minute before the message
        Instant now = Instant.now();
        server.onJson("POST", "/api/v1/apps/app1/messages", 202, Samples.app("UPDATING", 1, ""));
        server.onEvents("app1",
                Samples.event(1, "live", "LIVE", 100, null, "version 1 is live", now.minusSeconds(60)),
                Samples.event(2, "update", "UPDATING", 10, null, "making version 2", now.plusSeconds(1)),
                Samples.event(3, "live", "LIVE", 100, null, "version 2 is live", now.plusSeconds(2)));
        AtomicInteger gets = new AtomicInteger();
        server.on("GET", "/api/v1/apps/app1", r -> FakeSpawnAi.Response.json(200, gets.incrementAndGet() == 1
                ? Samples.app("UPDATING", 1, "") : Samples.app("LIVE", 2, "")));

        InProcessCli.Result result = cli.run("chat", "app1", "make it blue");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("POST", "/api/v1/apps/app1/messages").get(0).body())
                .isEqualTo("{\"text\":\"make it blue\"}");
        assertThat(result.outLines()).containsExactly(
                "app app1: making a new version",
                " 10% update    making version 2",
                "100% live      version 2 is live",
                "version 2 of app app1 is live",
                "http://3000-app1.localhost:8081/");
        assertThat(gets).hasValue(2);
    }

    @Test
    void failedChangeExits1AndSaysTheOldVersionServes() {
        server.onJson("POST", "/api/v1/apps/app1/messages", 202, Samples.app("UPDATING", 1, ""));
        server.onEvents("app1", Samples.event(1, "update", "UPDATING", 10, null, "making version 2"),
                Samples.event(2, "live", "LIVE", 100, null, "kept version 1"));
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.app("LIVE", 1,
                ",\"lastUpdateError\":{\"step\":\"validate\",\"message\":\"eval() is not allowed\"}"));

        InProcessCli.Result result = cli.run("chat", "app1", "make", "it", "blue");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains("the change to app app1 failed at validate: eval() is not allowed")
                .contains("version 1 keeps serving at http://3000-app1.localhost:8081/");
    }

    @Test
    void retryFollowsPastTheEarlierFailure() {
        server.onJson("POST", "/api/v1/apps/app1/retry", 202, Samples.app("QUEUED", 0, ""));
        server.onEvents("app1", Samples.event(1, "install", "FAILED", 40, null, "npm failed"),
                Samples.event(2, "queued", "QUEUED", 0, null, "queued again"),
                Samples.event(3, "live", "LIVE", 100, null, "live"));
        AtomicInteger gets = new AtomicInteger();
        server.on("GET", "/api/v1/apps/app1", r -> FakeSpawnAi.Response.json(200,
                gets.incrementAndGet() == 1 ? Samples.app("QUEUED", 0, "") : Samples.LIVE_APP));

        InProcessCli.Result result = cli.run("retry", "app1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).endsWith("http://3000-app1.localhost:8081/\n");
    }

    @Test
    void unknownAppWhileFollowingExits4() {
        server.onJson("POST", "/api/v1/apps/zzz/retry", 202, Samples.app("QUEUED", 0, ""));

        InProcessCli.Result result = cli.run("retry", "zzz");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(result.err()).isEqualTo("spawnai: no app with id 'x' in this session\n");
    }

    @Test
    void jsonOfAFailedAppIsPrintedToo() {
        streamUntil("FAILED", "install", 40);
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.FAILED_APP);

        InProcessCli.Result result = cli.run("new", "x", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        JsonNode printed = Json.mapper().readTree(result.out());
        assertThat(printed.path("error").path("step").asString()).isEqualTo("install");
    }
}
