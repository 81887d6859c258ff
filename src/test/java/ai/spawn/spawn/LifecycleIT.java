package ai.spawn.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.testing.ApiClient;
import ai.spawn.testing.DataDirs;
import ai.spawn.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Lifetimes on a real server: the reaper expires apps and removes orphans; start-up reconciles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.apps.ttl=PT3S", "spawnai.apps.reaper-interval=PT0.5S"})
class LifecycleIT {

    static final Path DATA = DataDirs.fresh("lifecycle");
    static final String SERVER = "require('http').createServer((q, r) => r.end('up')).listen(process.env.PORT);";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    SandboxProvider sandboxes;

    @Autowired
    Reconciler reconciler;

    @Autowired
    Runs runs;

    ApiClient api;

    @BeforeEach
    void session() {
        api = new ApiClient(port);
        api.newSession();
    }

    String createApp() {
        var r = api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node", "files",
                Map.of("server.js", SERVER), "start", "node server.js")));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    JsonNode awaitStatus(String id, String status) {
        return api.awaitStatus(id, Duration.ofSeconds(30), status);
    }

    static int gatewayStatus(JsonNode app) throws Exception {
        URI u = URI.create(app.get("url").asString());
        return RawHttp.get(u.getPort(), u.getHost() + ":" + u.getPort(), "/").status();
    }

    @Test
    void expiredAppsAreReapedAndAnswer410() throws Exception {
        String id = createApp();
        JsonNode live = awaitStatus(id, "LIVE");
        assertThat(gatewayStatus(live)).isEqualTo(200);
        JsonNode expired = awaitStatus(id, "EXPIRED");
        assertThat(gatewayStatus(expired)).isEqualTo(410);
        assertThat(runs.find(id)).isEmpty();
        // the warm pool's sandboxes belong to no app: the provider does not list them
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Files.list(DATA.resolve("sandboxes"))
                .filter(dir -> sandboxes.list().contains(dir.getFileName().toString())).toList()).isEmpty());
        var extend = api.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "PT1H"));
        assertThat(extend.status()).isEqualTo(410);
    }

    @Test
    void extendingKeepsAnAppAlivePastItsFirstDeadline() {
        String id = createApp();
        awaitStatus(id, "LIVE");
        assertThat(api.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "PT1M")).status()).isEqualTo(200);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                api.get("/api/v1/apps/" + id).json().get("status").asString().equals("LIVE"));
        api.delete("/api/v1/apps/" + id);
    }

    @Test
    void orphanSandboxesAreDestroyed() {
        Sandbox orphan = sandboxes.create(new SandboxSpec("nobody", "node", SandboxLimits.defaults(), Map.of()));
        assertThat(sandboxes.list()).contains(orphan.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> !sandboxes.list().contains(orphan.id()));
    }

    @Test
    void startUpRestartsLiveAppsWhoseSandboxIsGone() throws Exception {
        String id = createApp();
        api.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "PT1M"));
        JsonNode live = awaitStatus(id, "LIVE");
        String lostSandbox = runs.find(id).orElseThrow().sandbox().id();
        // what a crash of SpawnAI looks like to the next start: the sandbox is gone, the database says LIVE
        runs.find(id).orElseThrow().sandbox().destroy();
        reconciler.run(null);
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.find(id).map(r -> r.sandbox())
                .filter(s -> !s.id().equals(lostSandbox) && s.isRunning()).isPresent());
        JsonNode again = awaitStatus(id, "LIVE");
        assertThat(gatewayStatus(again)).isEqualTo(200);
        assertThat(api.get("/api/v1/apps/" + id + "/events/history").body())
                .contains("restarting version 1 from its stored files");
        api.delete("/api/v1/apps/" + id);
    }
}
