package ai.spawn.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls SpawnAI's REST API the way a user does: JSON over HTTP with a bearer token. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Creates a session and uses its token from now on; returns the token. */
    public String newSession() {
        Reply r = call("POST", "/api/v1/sessions", null);
        if (r.status() != 201) {
            throw new IllegalStateException("session not created: " + r);
        }
        token = r.json().get("token").asString();
        return token;
    }

    /** A client for the same server with another token (or none, when {@code null}). */
    public ApiClient withToken(String newToken) {
        ApiClient c = new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
        c.token = newToken;
        return c;
    }

    public String token() {
        return token;
    }

    public String base() {
        return base;
    }

    /** Polls {@code GET /api/v1/apps/{id}} until its status is one of {@code wanted}; returns that view. */
    public JsonNode awaitStatus(String id, Duration atMost, String... wanted) {
        List<String> accepted = List.of(wanted);
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = get("/api/v1/apps/" + id).json();
            return accepted.contains(last[0].get("status").asString());
        });
        return last[0];
    }

    /** {@link #awaitStatus(String, Duration, String...)} for up to 40 s. */
    public JsonNode awaitStatus(String id, String... wanted) {
        return awaitStatus(id, Duration.ofSeconds(40), wanted);
    }

    public Reply get(String path) {
        return call("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return call("POST", path, body);
    }

    public Reply delete(String path) {
        return call("DELETE", path, null);
    }

    /** Sends raw text as the body (for malformed-JSON tests). */
    public Reply postRaw(String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public Reply call(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b.build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }

    /** Status, content type and body of a reply. */
    public record Reply(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
