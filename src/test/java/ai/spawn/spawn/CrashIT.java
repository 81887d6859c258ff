package ai.spawn.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import ai.spawn.testing.ApiClient;
import ai.spawn.testing.DataDirs;
import ai.spawn.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** An app that hits its memory limit pays for it: CRASHED with the reason, restarted, then left CRASHED. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.apps.max-restarts=1", "spawnai.sandbox.memory=64MB"})
class CrashIT {

    static final Path DATA = DataDirs.fresh("crash");
    static final String HOG = """
            const http = require('http');
            http.createServer((req, res) => {
              if (req.url === '/boom') {
                const hog = [];
                for (;;) { hog.push(Buffer.alloc(1 << 20, 1)); }
              }
              res.end('fine');
            }).listen(process.env.PORT);
            """;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void session() {
        api = new ApiClient(port);
        api.newSession();
    }

    JsonNode awaitStatus(String id, String status) {
        return api.awaitStatus(id, Duration.ofSeconds(30), status);
    }

    static void boom(JsonNode app) {
        URI u = URI.create(app.get("url").asString());
        try {
            RawHttp.get(u.getPort(), u.getHost() + ":" + u.getPort(), "/boom");
        } catch (IOException expected) {
            // the app dies while answering
        }
    }

    @Test
    void aMemoryHogIsKilledRestartedOnceThenLeftCrashed() throws Exception {
        var created = api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node", "files",
                Map.of("server.js", HOG), "start", "node server.js")));
        String id = created.json().get("id").asString();
        JsonNode live = awaitStatus(id, "LIVE");

        boom(live);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/apps/" + id + "/events/history").body()
                .contains("crashed (oom-killed"));
        JsonNode again = awaitStatus(id, "LIVE");
        URI u = URI.create(again.get("url").asString());
        assertThat(RawHttp.get(u.getPort(), u.getHost() + ":" + u.getPort(), "/").body()).isEqualTo("fine");
        assertThat(api.get("/api/v1/apps/" + id + "/events/history").body()).contains("restarting after a crash (1 of 1)");

        boom(again);
        JsonNode crashed = awaitStatus(id, "CRASHED");
        assertThat(crashed.get("error").get("step").asString()).isEqualTo("run");
        assertThat(crashed.get("error").get("message").asString()).containsIgnoringCase("memory");
        assertThat(RawHttp.get(u.getPort(), u.getHost() + ":" + u.getPort(), "/").status()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/v1/apps/" + id + "/security-events").body()).contains("oom-killed"));

        var retried = api.post("/api/v1/apps/" + id + "/retry", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        awaitStatus(id, "LIVE");
        api.delete("/api/v1/apps/" + id);
    }
}
