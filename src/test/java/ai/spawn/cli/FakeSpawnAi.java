package ai.spawn.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the SpawnAI REST API v1 on the JDK's HttpServer, speaking its wire format (JSON,
 * {@code application/problem+json} errors, {@code text/event-stream} progress): answers what a test scripts per
 * {@code METHOD path}, checks the bearer token like the real server, and records every request. Unscripted calls
 * answer 404 with an "App not found" problem. Thread-safe.
 */
final class FakeSpawnAi implements AutoCloseable {

    static final String TOKEN = "tok-1";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String validToken = TOKEN;

    FakeSpawnAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        on("POST", "/api/v1/sessions", r -> Response.json(201, "{\"sessionId\":\"s1\",\"token\":\"" + TOKEN + "\"}"));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path without query) with {@code responder}. */
    FakeSpawnAi on(String method, String path, Responder responder) {
        routes.put(method + " " + path, responder);
        return this;
    }

    FakeSpawnAi onJson(String method, String path, int status, String json) {
        return on(method, path, r -> Response.json(status, json));
    }

    /** Streams {@code events} (the data of progress frames, ids from their "seq"), then holds the stream open. */
    FakeSpawnAi onEvents(String appId, String... events) {
        return on("GET", "/api/v1/apps/" + appId + "/events", r -> Response.sse(true, events));
    }

    /** Only {@code token} is accepted from now on; {@code null}: none is. */
    void acceptToken(String token) {
        validToken = token;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    List<Recorded> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded request = new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Last-Event-ID"), body);
            requests.add(request);
            Response response;
            if (!path.equals("/api/v1/sessions") && !("Bearer " + validToken).equals(request.authorization())) {
                response = Response.problem(401, "Not signed in",
                        "the session token is not valid; create a new session with POST /api/v1/sessions");
            } else {
                Responder responder = routes.get(request.method() + " " + path);
                response = responder != null ? responder.answer(request)
                        : Response.problem(404, "App not found", "no app with id 'x' in this session");
            }
            write(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private void write(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        if (response.holdOpen()) {
            exchange.sendResponseHeaders(response.status(), 0);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes);
            out.flush();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Answers one request. */
    @FunctionalInterface
    interface Responder {
        Response answer(Recorded request);
    }

    /**
     * A request as received.
     *
     * @param query the raw query, or {@code null}
     */
    record Recorded(String method, String path, String query, String authorization, String lastEventId,
                    String body) { }

    /** An answer; {@code holdOpen}: the body is sent, then the connection stays open until the fake closes. */
    record Response(int status, String contentType, String body, Map<String, String> headers, boolean holdOpen) {

        static Response json(int status, String body) {
            return new Response(status, "application/json", body, Map.of(), false);
        }

        static Response problem(int status, String title, String detail) {
            return new Response(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title
                    + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}", Map.of(), false);
        }

        static Response sse(boolean holdOpen, String... events) {
            StringBuilder frames = new StringBuilder();
            for (String data : events) {
                String seq = data.replaceAll(".*\"seq\"\\s*:\\s*(\\d+).*", "$1");
                frames.append("id:").append(seq).append("\nevent:progress\ndata:").append(data).append("\n\n");
            }
            return new Response(200, "text/event-stream", frames.toString(), Map.of(), holdOpen);
        }
    }
}
