package ai.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.testing.ApiClient;
import ai.spawn.testing.ApiClient.Reply;
import ai.spawn.testing.DataDirs;
import ai.spawn.testing.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The offline catalog end to end: every example prompt the server offers ({@code GET /api/v1/examples}) is spawned
 * through the public REST API in a real bubblewrap sandbox — no network, the workspace as working directory, the
 * sandbox's own node, python3 and static file server — and must go LIVE and answer through the gateway. A data
 * directory under {@code target/d} stands in for {@code @TempDir}, whose mode the sandbox user cannot pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.generation.engine=blueprint"})
class BlueprintCatalogSpawnIT {

    static final Path DATA = DataDirs.fresh("blueprint-catalog");

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

    @AfterEach
    void destroyEverything() {
        for (JsonNode a : api.get("/api/v1/apps").json().get("apps")) {
            api.delete("/api/v1/apps/" + a.get("id").asString());
        }
    }

    private JsonNode awaitStatus(String id, String... states) {
        return api.awaitStatus(id, Duration.ofMinutes(3), states);
    }

    private static RawHttp.Response viaGateway(JsonNode app, String method, String path, String contentType,
                                               String body) throws IOException {
        URI u = URI.create(app.get("url").asString());
        return RawHttp.send(u.getPort(), u.getHost() + ":" + u.getPort(), method, path, contentType, body);
    }

    private static RawHttp.Response get(JsonNode app, String path) throws IOException {
        return viaGateway(app, "GET", path, null, null);
    }

    private static String model(JsonNode app) {
        JsonNode attempts = app.get("cost").get("attempts");
        return attempts.get(attempts.size() - 1).get("model").asString();
    }

    @Test
    void everyExamplePromptGoesLiveInASandboxAndAnswersThroughTheGateway() throws Exception {
        JsonNode gallery = api.get("/api/v1/examples").json();
        assertThat(gallery.get("engine").asString()).isEqualTo("blueprint");
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode example : gallery.get("examples")) {
            Reply created = api.post("/api/v1/apps", Map.of("prompt", example.get("prompt").asString()));
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            ids.put(example.get("prompt").asString(), created.json().get("id").asString());
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(27);

        List<String> problems = new ArrayList<>();
        List<String> models = new ArrayList<>();
        for (Map.Entry<String, String> e : ids.entrySet()) {
            JsonNode app = awaitStatus(e.getValue(), "LIVE", "FAILED");
            if (!app.get("status").asString().equals("LIVE")) {
                problems.add(e.getKey() + ": " + app.get("error"));
                continue;
            }
            models.add(model(app));
            RawHttp.Response page = get(app, "/");
            if (page.status() != 200 || !page.body().contains("<title>")) {
                problems.add(e.getKey() + ": GET / answered " + page.status() + " " + page.body());
                continue;
            }
            String check = functionalCheck(model(app), app);
            if (check != null) {
                problems.add(e.getKey() + ": " + check);
            }
        }
        assertThat(problems).as("examples that did not go LIVE or failed their check").isEmpty();
        assertThat(models).doesNotHaveDuplicates().hasSize(ids.size());
    }

    /** A check of what the app does, beyond serving its page; {@code null} when it passes. */
    private static String functionalCheck(String model, JsonNode app) throws IOException {
        switch (model) {
            case "todo", "todo-py" -> {
                RawHttp.Response r = viaGateway(app, "POST", "/api/todos", "application/json",
                        "{\"title\":\"buy milk\"}");
                return r.status() == 201 && get(app, "/api/todos").body().contains("buy milk") ? null
                        : "POST /api/todos answered " + r.status() + " " + r.body();
            }
            case "shortener" -> {
                RawHttp.Response r = viaGateway(app, "POST", "/api/links", "application/json",
                        "{\"url\":\"https://example.com/\",\"slug\":\"docs\"}");
                RawHttp.Response hop = get(app, "/docs");
                return r.status() == 201 && hop.status() == 302
                        && "https://example.com/".equals(hop.headers().get("location")) ? null
                        : "short link answered " + r.status() + " then " + hop.status();
            }
            case "kv" -> {
                viaGateway(app, "PUT", "/api/kv/greeting", "text/plain", "hello");
                String body = get(app, "/api/kv/greeting?raw").body();
                return body.equals("hello") ? null : "GET /api/kv/greeting?raw answered " + body;
            }
            case "webhooks" -> {
                viaGateway(app, "POST", "/hooks/ci", "application/json", "{\"build\":42}");
                String body = get(app, "/api/requests").body();
                return body.contains("\\\"build\\\":42") ? null : "the capture is missing: " + body;
            }
            case "primes" -> {
                String out = get(app, "/output.txt").body();
                return out.contains("541") ? null : "unexpected output: " + out;
            }
            default -> {
                return null;
            }
        }
    }

    @Test
    void followUpEditsApplyWhatTheOfflineEngineCanExpressAndRefuseTheRest() throws Exception {
        String id = api.post("/api/v1/apps", Map.of("prompt", "a todo list")).json().get("id").asString();
        JsonNode live = awaitStatus(id, "LIVE", "FAILED");
        assertThat(live.get("status").asString()).as(live.toString()).isEqualTo("LIVE");
        assertThat(get(live, "/app.js").body()).doesNotContain("dueDate");

        Reply edit = api.post("/api/v1/apps/" + id + "/messages", Map.of("text", "add a due date field and make it"
                + " green"));
        assertThat(edit.status()).as(edit.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode a = api.get("/api/v1/apps/" + id).json();
            return a.get("status").asString().equals("LIVE") && a.get("version").asInt() == 2;
        });
        JsonNode v2 = api.get("/api/v1/apps/" + id).json();
        assertThat(get(v2, "/app.js").body()).contains("dueDate");
        assertThat(get(v2, "/base.css").body()).contains("--accent: #16a34a");

        Reply refused = api.post("/api/v1/apps/" + id + "/messages", Map.of("text", "add a login page"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode a = api.get("/api/v1/apps/" + id).json();
            return a.get("status").asString().equals("LIVE") && a.hasNonNull("lastUpdateError");
        });
        JsonNode after = api.get("/api/v1/apps/" + id).json();
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.get("lastUpdateError").get("message").asString())
                .contains("cannot do \"add a login page\"", "ANTHROPIC_API_KEY");
        assertThat(get(after, "/").status()).isEqualTo(200);
    }
}
