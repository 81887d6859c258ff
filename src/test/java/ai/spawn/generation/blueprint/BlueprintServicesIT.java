package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API blueprints — URL shortener, key-value store, webhook inbox — running on node, used over HTTP. */
class BlueprintServicesIT {

    private static final BlueprintCodeGenerator GENERATOR = new BlueprintCodeGenerator();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private static AppBundle generate(String prompt) {
        return GENERATOR.generate(GenerationRequest.newApp(prompt), GenerationListener.NONE);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void urlShortenerRedirectsWith302CountsClicksAndKeepsLinksAcrossARestart() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a URL shortener API"), tmp.resolve("app"))) {
            HttpResponse<String> made = app.send("POST", "/api/links", "{\"url\":\"https://example.com/docs?a=1\"}");
            assertThat(made.statusCode()).isEqualTo(201);
            String slug = json(made).get("slug").asString();
            assertThat(slug).matches("[A-Za-z0-9]{6}");
            assertThat(json(made).get("shortUrl").asString()).endsWith("/" + slug);
            assertThat(app.send("POST", "/api/links", "{\"url\":\"https://example.com/docs?a=1\"}").statusCode())
                    .as("the same URL again gives the same link").isEqualTo(200);

            HttpResponse<String> custom = app.send("POST", "/api/links",
                    "{\"url\":\"https://example.org/\",\"slug\":\"org\"}");
            assertThat(custom.statusCode()).isEqualTo(201);
            assertThat(app.send("POST", "/api/links", "{\"url\":\"https://x.example/\",\"slug\":\"org\"}").statusCode())
                    .isEqualTo(409);
            assertThat(app.send("POST", "/api/links", "{\"url\":\"javascript:alert(1)\"}").statusCode()).isEqualTo(400);
            assertThat(app.send("POST", "/api/links", "{\"url\":\"https://x.example/\",\"slug\":\"api\"}").statusCode())
                    .isEqualTo(400);
            assertThat(app.send("POST", "/api/links", "{\"url\":\"https://x.example/\",\"slug\":\"a/b\"}").statusCode())
                    .isEqualTo(400);

            HttpResponse<String> hop = app.get("/" + slug);
            assertThat(hop.statusCode()).isEqualTo(302);
            assertThat(hop.headers().firstValue("Location")).hasValue("https://example.com/docs?a=1");
            app.get("/org");
            app.get("/org");
            assertThat(app.get("/nope-nope").statusCode()).isEqualTo(404);
            assertThat(app.get("/app.js").statusCode()).as("page files are not short links").isEqualTo(200);

            app.restart();
            assertThat(json(app.get("/api/links/org")).get("clicks").asInt()).isEqualTo(2);
            assertThat(json(app.get("/api/links")).size()).isEqualTo(2);
            assertThat(app.get("/org").statusCode()).isEqualTo(302);
            assertThat(app.send("DELETE", "/api/links/org", null).statusCode()).isEqualTo(204);
            assertThat(app.get("/org").statusCode()).isEqualTo(404);
            assertThat(Files.readString(app.dir().resolve("links.json"))).contains(slug);
        }
    }

    @Test
    void keyValueStoreKeepsJsonAndTextValuesListsByPrefixExpiresAndDeletes() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a key-value store API"), tmp.resolve("app"))) {
            HttpResponse<String> put = app.send("PUT", "/api/kv/settings:theme", "{\"dark\":true,\"size\":3}");
            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(app.send("PUT", "/api/kv/settings:theme", "[1,2,3]").statusCode()).as("replaced").isEqualTo(200);
            assertThat(json(app.get("/api/kv/settings:theme")).get("value").toString()).isEqualTo("[1,2,3]");
            assertThat(app.send("PUT", "/api/kv/greeting", "text/plain", "hello world").statusCode()).isEqualTo(201);
            HttpResponse<String> raw = app.get("/api/kv/greeting?raw");
            assertThat(raw.body()).isEqualTo("hello world");
            assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(app.send("PUT", "/api/kv/broken", "{not json").statusCode()).isEqualTo(400);
            assertThat(app.send("PUT", "/api/kv/short-lived?ttl=0", "text/plain", "x").statusCode()).isEqualTo(400);
            assertThat(app.send("PUT", "/api/kv/my%20key", "\"spaced\"").statusCode()).isEqualTo(201);
            assertThat(json(app.get("/api/kv/my%20key")).get("value").asString()).isEqualTo("spaced");

            JsonNode listed = json(app.get("/api/kv?prefix=settings"));
            assertThat(listed.get("count").asInt()).isEqualTo(1);
            assertThat(listed.get("keys").get(0).get("key").asString()).isEqualTo("settings:theme");
            assertThat(json(app.get("/api/kv")).get("count").asInt()).isEqualTo(3);

            assertThat(app.send("DELETE", "/api/kv/greeting", null).statusCode()).isEqualTo(204);
            assertThat(app.get("/api/kv/greeting").statusCode()).isEqualTo(404);
            assertThat(app.send("DELETE", "/api/kv/greeting", null).statusCode()).isEqualTo(404);
            app.restart();
            assertThat(json(app.get("/api/kv/settings:theme")).get("type").asString()).isEqualTo("json");
            assertThat(app.send("PUT", "/api/kv/soon?ttl=1", "text/plain", "bye").statusCode()).isEqualTo(201);
            assertThat(json(app.get("/api/kv/soon")).get("expiresAt").asString()).isNotBlank();
        }
    }

    @Test
    void webhookInboxCapturesAnyMethodWithHeadersQueryAndBodyNewestFirst() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a webhook inbox"), tmp.resolve("app"))) {
            HttpResponse<String> hook = app.send("POST", "/hooks/github?delivery=42", "{\"event\":\"push\"}");
            assertThat(hook.statusCode()).isEqualTo(200);
            assertThat(json(hook).get("ok").asBoolean()).isTrue();
            app.send("PUT", "/hooks/stripe", "text/plain", "plain body");
            app.get("/hooks/stripe?ping=1");

            JsonNode all = json(app.get("/api/requests"));
            assertThat(all.size()).isEqualTo(3);
            assertThat(all.get(0).get("method").asString()).as("newest first").isEqualTo("GET");
            JsonNode push = all.get(2);
            assertThat(push.get("hook").asString()).isEqualTo("github");
            assertThat(push.get("body").asString()).isEqualTo("{\"event\":\"push\"}");
            assertThat(push.get("query").get("delivery").asString()).isEqualTo("42");
            assertThat(push.get("headers").get("content-type").asString()).isEqualTo("application/json");
            int firstId = push.get("id").asInt();
            assertThat(json(app.get("/api/requests?hook=stripe")).size()).isEqualTo(2);
            assertThat(json(app.get("/api/requests?after=" + (firstId + 1))).size()).as("polling for new ones")
                    .isEqualTo(1);
            assertThat(json(app.get("/api/hooks")).size()).isEqualTo(2);

            app.restart();
            assertThat(json(app.get("/api/requests/" + firstId)).get("method").asString()).isEqualTo("POST");
            assertThat(app.send("DELETE", "/api/requests", null).statusCode()).isEqualTo(204);
            assertThat(json(app.get("/api/requests")).size()).isZero();
        }
    }
}
