package ai.spawn.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import ai.spawn.testing.ApiClient;
import ai.spawn.testing.DataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Beyond {@code max-live} apps wait in QUEUED with their position; beyond the queue, 503 with Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.sandbox.max-live=1", "spawnai.apps.max-queued=1"})
class CapacityIT {

    static final Path DATA = DataDirs.fresh("capacity");
    static final String SERVER = "require('http').createServer((q, r) => r.end('up')).listen(process.env.PORT);";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    String status(ApiClient api, String id) {
        return api.get("/api/v1/apps/" + id).json().get("status").asString();
    }

    @Test
    void appsWaitForAFreeSandboxAndTheQueueIsBounded() throws Exception {
        ApiClient api = new ApiClient(port);
        api.newSession();
        Map<String, Object> body = Map.of("bundle", Map.of("runtime", "node", "files", Map.of("server.js", SERVER),
                "start", "node server.js"));
        String first = api.post("/api/v1/apps", body).json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(api, first).equals("LIVE"));

        String second = api.post("/api/v1/apps", body).json().get("id").asString();
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/apps/" + second + "/events/history")
                .body().contains("position 1 in the queue"));
        assertThat(status(api, second)).isEqualTo("QUEUED");

        int before = api.get("/api/v1/apps").json().get("apps").size();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/apps")).header("Authorization", "Bearer " + api.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a todo list app\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.body()).contains("at capacity");
        assertThat(api.get("/api/v1/apps").json().get("apps").size()).as("nothing stored").isEqualTo(before);

        api.delete("/api/v1/apps/" + first);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(api, second).equals("LIVE"));
        api.delete("/api/v1/apps/" + second);
    }
}
