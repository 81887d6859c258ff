package ai.spawn.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import ai.spawn.testing.ApiClient;
import ai.spawn.testing.DataDirs;
import ai.spawn.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A quiet app is frozen and the next request wakes it transparently; its usage is on the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.apps.idle-pause=PT2S", "spawnai.apps.idle-check=PT0.5S"})
class IdlePauseIT {

    static final Path DATA = DataDirs.fresh("idle");
    static final String SERVER = "let n = 0; require('http').createServer((q, r) => r.end('hits ' + (++n)))"
            + ".listen(process.env.PORT);";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void aQuietAppIsPausedAndTheNextRequestWakesIt() throws Exception {
        ApiClient api = new ApiClient(port);
        api.newSession();
        String id = api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node", "files",
                Map.of("server.js", SERVER), "start", "node server.js"))).json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/apps/" + id).json().get("status").asString().equals("LIVE"));
        JsonNode app = api.get("/api/v1/apps/" + id).json();
        URI url = URI.create(app.get("url").asString());
        String host = url.getHost() + ":" + url.getPort();
        String before = RawHttp.get(url.getPort(), host, "/").body();
        assertThat(before).startsWith("hits ");
        int hits = Integer.parseInt(before.substring(5));

        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/apps/" + id).json().get("paused")
                .asBoolean());
        assertThat(api.get("/api/v1/apps/" + id + "/events/history").body()).contains("paused after");

        RawHttp.Response woken = RawHttp.get(url.getPort(), host, "/");
        assertThat(woken.status()).isEqualTo(200);
        assertThat(woken.body()).as("memory was kept while frozen").isEqualTo("hits " + (hits + 1));
        JsonNode after = api.get("/api/v1/apps/" + id).json();
        assertThat(after.get("paused").asBoolean()).isFalse();
        assertThat(after.get("status").asString()).isEqualTo("LIVE");
        assertThat(api.get("/api/v1/apps/" + id + "/events/history").body()).contains("woken by a request");

        JsonNode usage = after.get("usage");
        assertThat(usage.get("cpuSeconds").asDouble()).isGreaterThan(0);
        assertThat(usage.get("peakMemoryBytes").asLong()).isGreaterThan(0);
        assertThat(usage.get("requests").asLong()).isGreaterThanOrEqualTo(2);
        api.delete("/api/v1/apps/" + id);
    }
}
