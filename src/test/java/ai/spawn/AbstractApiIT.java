package ai.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.spawn.testing.ApiClient;
import ai.spawn.testing.ApiClient.Reply;
import ai.spawn.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The public API end to end on a real server, real bubblewrap sandboxes and the real gateway; subclasses choose
 * the database.
 */
abstract class AbstractApiIT extends ApiTestSupport {

    @Test
    void promptBecomesALiveTodoAppThatDiesWithDestroy() throws Exception {
        Reply created = api.post("/api/v1/apps", Map.of("prompt", "a todo list app"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("QUEUED");
        assertThat(created.json().get("eventsUrl").asString()).isEqualTo("/api/v1/apps/" + id + "/events");

        JsonNode live = awaitStatus(id, "LIVE", "FAILED");
        assertThat(live.get("status").asString()).as(live.toString()).isEqualTo("LIVE");
        assertThat(live.get("url").asString()).startsWith("http://3000-" + id + ".localhost:");
        assertThat(live.get("runtime").asString()).isEqualTo("node");
        assertThat(live.get("files").toString()).contains("server.js");

        RawHttp.Response page = viaGateway(live, "GET", "/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("todo");
        RawHttp.Response added = viaGateway(live, "POST", "/api/todos", "{\"title\":\"buy milk\"}");
        assertThat(added.status()).as(added.body()).isIn(200, 201);
        RawHttp.Response listed = viaGateway(live, "GET", "/api/todos", null);
        assertThat(listed.body()).contains("buy milk");

        Reply gone = api.delete("/api/v1/apps/" + id);
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().get("status").asString()).isEqualTo("DESTROYED");
        assertThat(viaGateway(live, "GET", "/", null).status()).isEqualTo(410);
        assertThat(api.delete("/api/v1/apps/" + id).status()).as("destroy is idempotent").isEqualTo(200);
        assertNothingLeftBehind();
    }

    @Test
    void eventsReplayTheHistoryOverServerSentEvents() throws Exception {
        String id = createBundle(NODE_SERVER);
        awaitStatus(id, "LIVE");
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/apps/" + id + "/events"))
                .header("Authorization", "Bearer " + api.token()).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = api.http().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            var it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    data.add(line);
                    if (line.contains("\"status\":\"LIVE\"") && line.contains("\"step\":\"live\"")) {
                        break;
                    }
                }
            }
        }
        String all = String.join("\n", data);
        assertThat(all).contains("\"step\":\"queued\"", "\"step\":\"validate\"", "\"step\":\"provision\"",
                "\"step\":\"start\"", "\"step\":\"health\"", "\"step\":\"live\"", "\"percent\":100", "\"time\":");
        assertThat(all).contains("\"seq\":1,");
    }

    @Test
    void eventsReplayOverWebSocket() throws Exception {
        String id = createBundle(NODE_SERVER);
        awaitStatus(id, "LIVE");
        List<String> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> sawLive = new CompletableFuture<>();
        WebSocket ws = api.http().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                + "/api/v1/apps/" + id + "/events/ws?access_token=" + api.token()), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
                        messages.add(text.toString());
                        if (text.toString().contains("\"step\":\"live\"")) {
                            sawLive.complete(null);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        sawLive.get(10, TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        assertThat(messages.get(0)).contains("\"seq\":1,", "\"step\":\"queued\"");
    }

    @Test
    void bundleIsDeployedAsItIs() throws Exception {
        String id = createBundle(NODE_SERVER);
        JsonNode live = awaitStatus(id, "LIVE", "FAILED");
        assertThat(live.get("status").asString()).as(live.toString()).isEqualTo("LIVE");
        RawHttp.Response r = viaGateway(live, "GET", "/", null);
        assertThat(r.body()).isEqualTo("hello from a bundle 3000");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                api.get("/api/v1/apps/" + id + "/logs").json().get("lines").toString()).contains("bundle server up"));
        api.delete("/api/v1/apps/" + id);
    }

    @Test
    void staticBundleIsServedByTheBuiltInFileServer() throws Exception {
        Reply r = api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "static",
                "files", Map.of("index.html", "<h1>static hello</h1>"))));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode live = awaitStatus(r.json().get("id").asString(), "LIVE", "FAILED");
        assertThat(live.get("status").asString()).as(live.toString()).isEqualTo("LIVE");
        assertThat(viaGateway(live, "GET", "/", null).body()).contains("static hello");
        api.delete("/api/v1/apps/" + live.get("id").asString());
    }

    @Test
    void anAppThatCrashesFailsWithItsLastLogLines() {
        String id = createBundle("console.error('cannot find module express'); process.exit(3);");
        JsonNode failed = awaitStatus(id, "FAILED", "LIVE");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").get("step").asString()).isEqualTo("health");
        assertThat(failed.get("error").get("message").asString())
                .contains("exited", "cannot find module express");
        assertNothingLeftBehind();
    }

    @Test
    void aBundleThatSpawnsProcessesIsStoppedBeforeASandboxExists() {
        String id = createBundle("require('child_process').execSync('cat /etc/passwd');\n" + NODE_SERVER);
        JsonNode failed = awaitStatus(id, "FAILED", "LIVE");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").get("step").asString()).isEqualTo("validate");
        assertThat(failed.get("error").get("message").asString()).contains("server.js:1");
        assertThat(api.get("/api/v1/apps/" + id + "/events/history").body()).contains("BLOCK process.spawn")
                .doesNotContain("\"step\":\"provision\"");
    }

    @Test
    void promptTheOfflineGeneratorCannotServeFailsWithAClearReason() {
        Reply r = api.post("/api/v1/apps", Map.of("prompt", "a 3D multiplayer space shooter with voice chat"));
        assertThat(r.status()).isEqualTo(202);
        JsonNode failed = awaitStatus(r.json().get("id").asString(), "FAILED", "LIVE");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").get("step").asString()).isEqualTo("generate");
        assertThat(failed.get("error").get("message").asString()).contains("ANTHROPIC_API_KEY");
    }

    @Test
    void badInputGetsProblemDetailsAndCreatesNothing() {
        int before = api.get("/api/v1/apps").json().get("apps").size();
        assertProblem(api.post("/api/v1/apps", Map.of("prompt", "   ")), 400, "prompt is empty");
        assertProblem(api.post("/api/v1/apps", Map.of("prompt", "x".repeat(5000))), 400, "at most");
        assertProblem(api.postRaw("/api/v1/apps", "{\"prompt\": "), 400, null);
        assertProblem(api.post("/api/v1/apps", Map.of()), 400, "exactly one");
        assertProblem(api.post("/api/v1/apps", Map.of("prompt", "a todo app", "bundle",
                Map.of("runtime", "node", "files", Map.of("a.js", "1"), "start", "node a.js"))), 400, "exactly one");
        assertProblem(api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "cobol",
                "files", Map.of("a", "1"), "start", "x"))), 400, "unknown runtime");
        assertProblem(api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node",
                "files", Map.of("../../etc/passwd", "x"), "start", "node a.js"))), 400, "inside the workspace");
        assertProblem(api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node",
                "files", Map.of(), "start", "node a.js"))), 400, "at least one file");
        assertProblem(api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node",
                "files", Map.of("a.js", "1")))), 400, "start command");
        assertProblem(api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node",
                "files", Map.of("a.js", "1"), "start", "node a.js", "port", 22))), 400, "port 22");
        assertThat(api.get("/api/v1/apps").json().get("apps").size()).isEqualTo(before);
    }

    @Test
    void unknownIdsAndOtherSessionsAppsAreNotFound() {
        String id = createBundle(NODE_SERVER);
        assertProblem(api.get("/api/v1/apps/doesnotexist"), 404, "no app");
        ApiClient stranger = api.withToken(null);
        stranger.newSession();
        assertProblem(stranger.get("/api/v1/apps/" + id), 404, "no app");
        assertProblem(stranger.delete("/api/v1/apps/" + id), 404, "no app");
        assertProblem(stranger.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "PT1H")), 404, "no app");
        assertThat(stranger.get("/api/v1/apps").json().get("apps").size()).isZero();
        assertProblem(stranger.get("/api/v1/apps/" + id + "/events"), 404, "no app");
        awaitStatus(id, "LIVE", "FAILED");
        api.delete("/api/v1/apps/" + id);
    }

    @Test
    void theApiIsDescribedInOpenApiWithABrowsablePage() throws Exception {
        Reply doc = api.withToken(null).get("/api/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asString()).startsWith("3.");
        assertThat(doc.json().get("paths").has("/api/v1/apps/{id}/messages")).isTrue();
        assertThat(doc.json().get("paths").has("/api/v1/apps/{id}/download")).isTrue();
        HttpResponse<String> page = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/docs")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
    }

    @Test
    void callsWithoutAValidTokenAreUnauthorized() {
        assertProblem(api.withToken(null).get("/api/v1/apps"), 401, "Authorization");
        assertProblem(api.withToken("sk_forged").get("/api/v1/apps"), 401, "not valid");
        assertProblem(api.withToken(null).post("/api/v1/apps", Map.of("prompt", "a todo app")), 401, null);
    }

    @Test
    void extendMovesTheDeadlineWithinTheMaximum() {
        String id = createBundle(NODE_SERVER);
        JsonNode app = awaitStatus(id, "LIVE");
        Instant before = Instant.parse(app.get("expiresAt").asString());
        Reply extended = api.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "PT1H"));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(Instant.parse(extended.json().get("expiresAt").asString())).isEqualTo(before.plusSeconds(3600));
        assertProblem(api.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "PT30H")), 400, "at most");
        assertProblem(api.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "later")), 400, "not a duration");
        assertProblem(api.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "-PT1H")), 400, "positive");
        api.delete("/api/v1/apps/" + id);
        assertProblem(api.post("/api/v1/apps/" + id + "/extend", Map.of("duration", "PT1H")), 410, "destroyed");
    }

    @Test
    void listShowsTheSessionsAppsNewestFirst() {
        String first = createBundle(NODE_SERVER);
        String second = createBundle(NODE_SERVER);
        JsonNode apps = api.get("/api/v1/apps").json().get("apps");
        assertThat(apps.get(0).get("id").asString()).isEqualTo(second);
        assertThat(apps.get(1).get("id").asString()).isEqualTo(first);
        awaitStatus(first, "LIVE", "FAILED");
        awaitStatus(second, "LIVE", "FAILED");
        api.delete("/api/v1/apps/" + first);
        api.delete("/api/v1/apps/" + second);
    }

}
