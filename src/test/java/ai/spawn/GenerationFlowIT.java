package ai.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ai.spawn.testing.ApiClient.Reply;
import ai.spawn.testing.ScriptedCodeGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ai.spawn.testing.DataDirs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The fix loop, follow-up edits with rollback, restore, the budget, the cache, cost and downloads, driven by a
 * scripted engine on real sandboxes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.apps.health-timeout=PT10S"})
class GenerationFlowIT extends ApiTestSupport {

    static final Path data = DataDirs.fresh("generation-flow");

    @Autowired
    ScriptedCodeGenerator scripted;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", () -> data.toString());
    }

    @TestConfiguration
    static class Engine {
        @Bean
        @Primary
        ScriptedCodeGenerator scriptedCodeGenerator() {
            return new ScriptedCodeGenerator();
        }
    }

    String create(String prompt) {
        Reply r = api.post("/api/v1/apps", Map.of("prompt", prompt));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    @Test
    void fixLoopRepairsAnAppThatFailsToStart() throws Exception {
        String id = create("a fixable app");
        JsonNode app = awaitStatus(id, "LIVE", "FAILED");
        assertThat(app.get("status").asString()).as(app.toString()).isEqualTo("LIVE");
        assertThat(app.get("version").asInt()).isEqualTo(2);
        assertThat(viaGateway(app, "GET", "/", null).body()).isEqualTo("hello a fixable app");
        var fixRequest = scripted.requests.stream().filter(r -> r.failure() != null).findFirst().orElseThrow();
        assertThat(fixRequest.failure()).contains("health", "SyntaxError: Unexpected token");
        assertThat(fixRequest.current()).isNotNull();
        JsonNode versions = api.get("/api/v1/apps/" + id + "/versions").json();
        assertThat(versions.get("versions").get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(versions.get("versions").get(1).get("source").asString()).isEqualTo("fix");
        assertThat(versions.get("versions").get(1).get("status").asString()).isEqualTo("LIVE");
        JsonNode attempts = app.get("cost").get("attempts");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(1).get("kind").asString()).isEqualTo("fix");
        assertThat(app.get("cost").get("totalUsd").asDouble()).isEqualTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(eventsText(id)).contains("attempt 2 of 3");
    }

    @Test
    void fixLoopStopsWhenTheSameErrorRepeats() {
        String id = create("a hopeless app");
        JsonNode app = awaitStatus(id, "FAILED", "LIVE");
        assertThat(app.get("status").asString()).isEqualTo("FAILED");
        assertThat(app.get("error").get("message").asString()).contains("same error came back");
        assertThat(app.get("cost").get("attempts").size()).isEqualTo(2);
    }

    @Test
    void fixLoopNeverPassesTheBudget() {
        String id = create("an expensive app");
        JsonNode app = awaitStatus(id, "FAILED", "LIVE");
        assertThat(app.get("error").get("message").asString()).contains("budget");
        assertThat(app.get("cost").get("totalUsd").asDouble()).isLessThan(0.10 + 0.06);
        assertThat(app.get("cost").get("budgetUsd").asDouble()).isEqualTo(0.10);
    }

    @Test
    void aModelErrorFailsTheAppAndStillRecordsItsCost() {
        String id = create("a model error please");
        JsonNode app = awaitStatus(id, "FAILED", "LIVE");
        assertThat(app.get("error").get("step").asString()).isEqualTo("generate");
        assertThat(app.get("error").get("message").asString()).contains("overloaded");
        assertThat(app.get("cost").get("attempts").get(0).get("outcome").asString()).isEqualTo("failed");
        assertThat(app.get("cost").get("totalUsd").asDouble()).isGreaterThan(0);
    }

    @Test
    void identicalRequestsReuseTheCachedBundleForFree() {
        String first = create("a cacheable greeting app");
        awaitStatus(first, "LIVE");
        String second = create("  A cacheable   greeting app. ");
        JsonNode app = awaitStatus(second, "LIVE", "FAILED");
        assertThat(app.get("status").asString()).isEqualTo("LIVE");
        JsonNode attempt = app.get("cost").get("attempts").get(0);
        assertThat(attempt.get("cached").asBoolean()).isTrue();
        assertThat(attempt.get("costUsd").asDouble()).isZero();
        assertThat(app.get("cost").get("totalUsd").asDouble()).isZero();
        assertThat(eventsText(second)).contains("reused a cached bundle");
    }

    @Test
    void followUpMakesANewVersionAndAFailedOneRollsBack() throws Exception {
        String id = create("a greeting app");
        JsonNode app = awaitStatus(id, "LIVE");
        Reply sent = api.post("/api/v1/apps/" + id + "/messages", Map.of("text", "make it blue"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("status").asString()).isEqualTo("UPDATING");
        app = awaitVersion(id, 2);
        assertThat(viaGateway(app, "GET", "/", null).body()).isEqualTo("v-edit: make it blue");

        api.post("/api/v1/apps/" + id + "/messages", Map.of("text", "break everything"));
        awaitStatus(id, "UPDATING");
        app = awaitStatus(id, "LIVE");
        assertThat(app.get("version").asInt()).as("the previous version keeps serving").isEqualTo(2);
        assertThat(app.get("lastUpdateError").get("message").asString()).contains("edit broke it");
        assertThat(viaGateway(app, "GET", "/", null).body()).isEqualTo("v-edit: make it blue");

        JsonNode messages = api.get("/api/v1/apps/" + id + "/messages").json().get("messages");
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.get("role").asString()));
        assertThat(roles).containsExactly("user", "assistant", "user", "assistant", "user", "assistant");
        assertThat(messages.get(5).get("text").asString()).contains("could not apply", "Version 2");
        var edit = scripted.requests.stream().filter(r -> r.prompt().equals("make it blue")).findFirst()
                .orElseThrow();
        assertThat(edit.current().files().get("server.js")).contains("hello a greeting app");
        assertThat(edit.history()).containsExactly("a greeting app");

        Reply restored = api.post("/api/v1/apps/" + id + "/versions/1/restore", null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(202);
        app = awaitVersion(id, 5);
        assertThat(viaGateway(app, "GET", "/", null).body()).isEqualTo("hello a greeting app");
        JsonNode versions = api.get("/api/v1/apps/" + id + "/versions").json();
        assertThat(versions.get("current").asInt()).isEqualTo(5);
        assertThat(versions.get("versions").get(4).get("source").asString()).isEqualTo("restore");
        assertThat(versions.get("versions").get(1).get("status").asString()).isEqualTo("SUPERSEDED");
        assertProblem(api.post("/api/v1/apps/" + id + "/versions/99/restore", null), 404, "no version 99");
        assertProblem(api.post("/api/v1/apps/" + id + "/messages", Map.of("text", " ")), 400, "empty");
    }

    @Test
    void downloadGivesTheCurrentFilesAsAZip() throws Exception {
        String id = create("a zip app");
        awaitStatus(id, "LIVE");
        HttpResponse<byte[]> r = api.http().send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/apps/"
                + id + "/download")).header("Authorization", "Bearer " + api.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("scripted-" + id + ".zip");
        List<String> names = new ArrayList<>();
        String server = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("server.js")) {
                    server = new String(zip.readAllBytes());
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrder("server.js", "spawnai.json");
        assertThat(server).contains("hello a zip app");
        JsonNode files = api.get("/api/v1/apps/" + id + "/files").json();
        assertThat(files.get("files").get("server.js").asString()).contains("hello a zip app");
    }

    JsonNode awaitVersion(String id, int version) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40)).until(() -> {
            last[0] = api.get("/api/v1/apps/" + id).json();
            return last[0].get("status").asString().equals("LIVE") && last[0].get("version").asInt() == version;
        });
        return last[0];
    }

    String eventsText(String id) {
        Reply r = api.get("/api/v1/apps/" + id + "/events/history");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
