import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Claude-path figures against a protocol fake: SpawnAI (the packaged jar) with {@code ANTHROPIC_API_KEY} and
 * {@code ANTHROPIC_BASE_URL} pointing at a fake of the Messages API in this JVM, which streams a {@code deliver_app}
 * call (a tiny working node app) in the real SSE format, spread over an artificial "model time". Measures
 * POST /api/v1/apps → LIVE (on the app's SSE stream) minus the time the fake spent answering; baselines: the same
 * files POSTed as a bundle (no generation) to the same server, and a second server without the key (offline
 * blueprint engine). Then cached repeats: same prompt again must cost $0, be marked cached, not reach the fake.
 *
 * <p>Usage (test class path, for Jackson): {@code java -cp target/classes:target/test-classes:$(cat
 * target/bench-test.cp) bench/claude/ClaudeBench.java DATA_DIR [spawns=20] [repeats=10] [model-ms=300]}
 */
public class ClaudeBench {

    static final JsonMapper JSON = JsonMapper.shared();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String KEY = "sk-fake";
    static final int WARM_UP = 3;
    static final String[] TEAMS = {"red", "blue", "green", "amber", "violet", "coral", "teal", "olive", "navy",
        "plum", "ruby", "jade", "sand", "rust", "mint", "gold", "pearl", "ivory", "onyx", "lime", "rose", "sky",
        "ash", "fern", "iris"};

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath().normalize();
        int spawns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long modelMs = args.length > 3 ? Long.parseLong(args[3]) : 300;
        Files.createDirectories(data);
        List<String> failures = new ArrayList<>();
        try (Fake fake = new Fake(modelMs);
             Server claudeServer = Server.start(data.resolve("claude"), Map.of("ANTHROPIC_API_KEY", KEY,
                     "ANTHROPIC_BASE_URL", fake.url()));
             Server blueprintServer = Server.start(data.resolve("blueprint"), Map.of())) {
            Api claudeApi = new Api(claudeServer.base);
            Api blueprintApi = new Api(blueprintServer.base);
            Samples first = new Samples();
            for (int i = 0; i < WARM_UP; i++) {
                if (i == 0) {
                    first.add(claudeApi.spawn(prompt("warm-up", i)), fake.calls.get(0).millis());
                } else {
                    claudeApi.spawn(prompt("warm-up", i));
                }
                claudeApi.spawnBundle(Fake.files(prompt("warm-up", i)));
                blueprintApi.spawn("a todo list app for the warm-up crew " + TEAMS[i]);
            }
            // interleaved, so that the three see the same load of this shared machine
            Samples claude = new Samples();
            Samples bundle = new Samples();
            Samples blueprint = new Samples();
            for (int i = 0; i < spawns; i++) {
                String prompt = prompt("counter", i);
                int before = fake.calls.size();
                Spawn s = claudeApi.spawn(prompt);
                List<Fake.Call> calls = List.copyOf(fake.calls.subList(before, fake.calls.size()));
                double model = calls.stream().mapToDouble(Fake.Call::millis).sum();
                JsonNode attempt = s.app.path("cost").path("attempts").path(0);
                if (calls.size() != 1 || !"anthropic".equals(s.app.path("engine").asString())
                        || attempt.path("cached").asBoolean() || s.app.path("cost").path("totalUsd").asDouble() <= 0) {
                    failures.add("spawn " + i + ": " + calls.size() + " model calls, app " + s.app);
                }
                claude.add(s, model);
                bundle.add(claudeApi.spawnBundle(Fake.files(prompt("bundle", i))));
                Spawn b = blueprintApi.spawn("a todo list app with due dates for the " + TEAMS[i % TEAMS.length]
                        + " team " + i);
                if (!"blueprint".equals(b.app.path("engine").asString())) {
                    failures.add("baseline " + i + ": engine " + b.app.path("engine"));
                }
                blueprint.add(b.millis);
            }
            Samples cached = new Samples();
            for (int i = 0; i < repeats; i++) {
                int before = fake.calls.size();
                Spawn s = claudeApi.spawn(prompt("counter", i % spawns));
                JsonNode cost = s.app.path("cost");
                if (cost.path("totalUsd").asDouble() != 0 || !cost.path("attempts").path(0).path("cached")
                        .asBoolean() || fake.calls.size() != before) {
                    failures.add("repeat " + i + ": not served from the cache: " + cost);
                }
                cached.add(s, 0);
            }
            report(spawns, repeats, modelMs, claude, bundle, blueprint, cached, failures);
            System.out.printf("first Claude spawn after start-up: POST -> LIVE %.0f ms, minus model time %.0f ms, of it "
                    + "in the generation step %.0f ms, in the engine %.0f ms%n", first.total.get(0),
                    first.outside().get(0), first.step.get(0), first.engine.get(0));
        }
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    static String prompt(String kind, int i) {
        return "a " + kind + " app for the " + TEAMS[i % TEAMS.length] + " team, number " + i;
    }

    static void report(int spawns, int repeats, long modelMs, Samples claude, Samples bundle, Samples blueprint,
                       Samples cached, List<String> failures) {
        List<Double> outside = claude.outside();
        System.out.printf("fake model time per answer: %d ms configured, measured p50 %.1f ms, max %.1f ms%n",
                modelMs, pct(claude.model, 50), Collections.max(claude.model));
        line("claude: POST -> LIVE incl. model time (" + spawns + ")", claude.total);
        line("claude: POST -> LIVE minus model time = per-app time outside the model", outside);
        line("  of it in the generation step, GENERATING -> first validate event, minus model time", claude.step);
        line("  of it in the engine, the attempt's duration minus model time", claude.engine);
        line("baseline: the same files POSTed as a bundle, no generation", bundle.total);
        line("baseline: offline blueprint engine (todo app), different prompts", blueprint.total);
        line("claude outside the model - bundle, paired", minus(outside, bundle.total));
        line("claude outside the model - blueprint, paired", minus(outside, blueprint.total));
        System.out.printf("ratio p50 outside the model / p50 bundle: %.2fx; / p50 blueprint: %.2fx%n",
                pct(outside, 50) / pct(bundle.total, 50), pct(outside, 50) / pct(blueprint.total, 50));
        line("cached repeat: POST -> LIVE (" + repeats + "; $0, cached, no model call)", cached.total);
        line("  of it in the generation step (the cache look-up)", cached.step);
        System.out.println(failures.isEmpty() ? "checks: all passed" : "checks FAILED:");
        failures.forEach(f -> System.out.println("  " + f));
    }

    static List<Double> minus(List<Double> a, List<Double> b) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i) - b.get(i));
        }
        return out;
    }

    static void line(String what, List<Double> ms) {
        System.out.printf("%s: p50 %.0f ms, p95 %.0f ms, min %.0f ms, max %.0f ms%n", what, pct(ms, 50), pct(ms, 95),
                Collections.min(ms), Collections.max(ms));
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Per-spawn figures in milliseconds. */
    static final class Samples {
        final List<Double> total = new ArrayList<>();
        final List<Double> model = new ArrayList<>();
        final List<Double> engine = new ArrayList<>();
        final List<Double> step = new ArrayList<>();

        void add(double totalMs) {
            total.add(totalMs);
            model.add(0.0);
            engine.add(0.0);
            step.add(0.0);
        }

        /** A spawn and the model time of its answer, which its generation attempt and step contain. */
        void add(Spawn s, double modelMs) {
            total.add(s.millis);
            model.add(modelMs);
            engine.add(s.app.path("cost").path("attempts").path(0).path("durationMillis").asDouble() - modelMs);
            step.add(s.generationStepMillis() - modelMs);
        }

        List<Double> outside() {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < total.size(); i++) {
                out.add(total.get(i) - model.get(i));
            }
            return out;
        }
    }

    /** One spawn: POST -> LIVE, the app's view and its stored events. */
    record Spawn(double millis, JsonNode app, JsonNode events) {

        /** Milliseconds from the GENERATING transition to the first validate event, by the server's clock. */
        double generationStepMillis() {
            Instant generating = null;
            for (JsonNode e : events.path("events")) {
                if (generating == null && "GENERATING".equals(e.path("status").asString())) {
                    generating = Instant.parse(e.path("time").asString());
                }
                if (generating != null && "validate".equals(e.path("step").asString())) {
                    return Duration.between(generating, Instant.parse(e.path("time").asString())).toNanos() / 1e6;
                }
            }
            return Double.NaN;
        }
    }

    /** The REST API of one SpawnAI, with its own session. */
    static final class Api {
        final String base;
        final String token;

        Api(String base) throws Exception {
            this.base = base;
            this.token = JSON.readTree(send("POST", "/api/v1/sessions", null, null).body()).path("token").asString();
        }

        Spawn spawn(String prompt) throws Exception {
            return timeToLive(JSON.createObjectNode().put("prompt", prompt));
        }

        double spawnBundle(Map<String, String> files) throws Exception {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode b = body.putObject("bundle").put("runtime", "node").put("start", "node server.js")
                    .put("port", 3000);
            ObjectNode f = b.putObject("files");
            files.forEach(f::put);
            return timeToLive(body).millis();
        }

        /** Milliseconds from sending POST to reading the LIVE event; the app's view; destroys the app. */
        Spawn timeToLive(ObjectNode body) throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> created = send("POST", "/api/v1/apps", JSON.writeValueAsString(body), token);
            if (created.statusCode() != 202) {
                throw new IllegalStateException("create failed: " + created.body());
            }
            String id = JSON.readTree(created.body()).path("id").asString();
            HttpRequest events = HttpRequest.newBuilder(URI.create(base + "/api/v1/apps/" + id + "/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
            double ms = -1;
            try (Stream<String> lines = HTTP.send(events, HttpResponse.BodyHandlers.ofLines()).body()) {
                for (var it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.contains("\"status\":\"LIVE\"") && line.contains("\"step\":\"live\"")) {
                        ms = (System.nanoTime() - t0) / 1e6;
                        break;
                    }
                    if (line.contains("\"status\":\"FAILED\"")) {
                        throw new IllegalStateException("app failed: " + line);
                    }
                }
            }
            JsonNode app = JSON.readTree(send("GET", "/api/v1/apps/" + id, null, token).body());
            JsonNode history = JSON.readTree(send("GET", "/api/v1/apps/" + id + "/events/history", null, token)
                    .body());
            send("DELETE", "/api/v1/apps/" + id, null, token);
            return new Spawn(ms, app, history);
        }

        HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** {@code java -jar target/spawnai.jar serve} on free ports with its own data dir; stopped on close. */
    static final class Server implements AutoCloseable {
        final Process process;
        final String base;

        private Server(Process process, String base) {
            this.process = process;
            this.base = base;
        }

        static Server start(Path data, Map<String, String> env) throws Exception {
            // the gateway reaches each app through {data}/server/sandboxes/sbx-XXXXXXXXXX/run/app.sock, and a unix
            // socket path has at most 107 bytes: longer ones leave every app answering 502 until its health check
            // times out
            int socketPath = data.resolve("server").toString().length() + "/sandboxes/sbx-0123456789/run/app.sock"
                    .length();
            if (socketPath > 107) {
                throw new IllegalArgumentException("data dir too deep for unix sockets (" + socketPath + " > 107 "
                        + "bytes): " + data);
            }
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder("java", "-jar", "target/spawnai.jar", "serve",
                    "--server.port=" + port, "--spawnai.gateway.port=" + freePort(),
                    "--spawnai.data-dir=" + data.resolve("server")).redirectErrorStream(true)
                    .redirectOutput(data.resolve("server.log").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.startsWith("OPENAI_"));
            pb.environment().putAll(env);
            Server server = new Server(pb.start(), "http://127.0.0.1:" + port);
            for (int i = 0; i < 1200; i++) {
                try {
                    if (HTTP.send(HttpRequest.newBuilder(URI.create(server.base + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        return server;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (!server.process.isAlive()) {
                    throw new IllegalStateException("SpawnAI exited; see " + data.resolve("server.log"));
                }
                Thread.sleep(100);
            }
            server.close();
            throw new IllegalStateException("SpawnAI did not start within 2 minutes; see " + data.resolve("server.log"));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }

    /**
     * A fake of {@code POST /v1/messages} in the streamed wire format (the frames of FakeAnthropicServer in the test
     * code, which a source-launched program cannot reach: it is package-private). Each answer is a
     * {@code deliver_app} call with a tiny node app in 40-character {@code input_json_delta}s, spread evenly over
     * {@code modelMs}; every call records when its request was read and when its last byte was written.
     */
    static final class Fake implements AutoCloseable {
        record Call(long startNanos, long endNanos) {
            double millis() {
                return (endNanos - startNanos) / 1e6;
            }
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final ExecutorService workers = Executors.newCachedThreadPool();
        private final long modelNanos;

        Fake(long modelMs) throws IOException {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            this.modelNanos = modelMs * 1_000_000;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(workers);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
                long t0 = System.nanoTime();
                String bearer = exchange.getRequestHeaders().getFirst("Authorization");
                String key = exchange.getRequestHeaders().getFirst("x-api-key");
                if (!exchange.getRequestURI().getPath().equals("/v1/messages")
                        || !(("Bearer " + KEY).equals(bearer) || KEY.equals(key))) {
                    byte[] error = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"no\"}}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(401, error.length);
                    exchange.getResponseBody().write(error);
                    return;
                }
                String userText = request.path("messages").path(0).path("content").toString();
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                List<String[]> frames = frames(input(userText));
                int deltas = frames.size() - 5;
                for (int i = 0; i < frames.size(); i++) {
                    if (i >= 2 && i < frames.size() - 3) {
                        long due = t0 + modelNanos * (i - 1) / deltas;
                        while (System.nanoTime() < due) {
                            LockSupport.parkNanos(due - System.nanoTime());
                        }
                    }
                    out.write(("event: " + frames.get(i)[0] + "\ndata: " + frames.get(i)[1] + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.close();
                calls.add(new Call(t0, System.nanoTime()));
            }
        }

        static Map<String, String> files(String title) {
            String server = """
                    const http = require('http');
                    const fs = require('fs');
                    const path = require('path');
                    const port = Number(process.env.PORT) || 3000;
                    const page = fs.readFileSync(path.join(__dirname, 'public', 'index.html'));
                    let count = 0;
                    http.createServer((req, res) => {
                      if (req.url === '/api/count') {
                        if (req.method === 'POST') count += 1;
                        res.writeHead(200, { 'Content-Type': 'application/json' });
                        res.end(JSON.stringify({ count }));
                        return;
                      }
                      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
                      res.end(page);
                    }).listen(port, '0.0.0.0', () => console.log('listening on ' + port));
                    """;
            String page = "<!doctype html><meta charset=\"utf-8\"><title>" + title + "</title>\n<h1>" + title
                    + "</h1><p>Clicked <b id=\"n\">0</b> times.</p><button id=\"b\">+1</button>\n<script>\n"
                    + "const n = document.getElementById('n');\n"
                    + "const show = r => r.json().then(d => { n.textContent = d.count; });\n"
                    + "fetch('/api/count').then(show);\n"
                    + "document.getElementById('b').onclick = () => fetch('/api/count', {method: 'POST'}).then(show);\n"
                    + "</script>\n";
            return Map.of("server.js", server, "public/index.html", page);
        }

        static String input(String userText) {
            String title = "Counter " + Integer.toHexString(userText.hashCode());
            ObjectNode root = JSON.createObjectNode().put("title", title).put("summary", "A click counter.")
                    .put("runtime", "node").put("start", "node server.js").put("port", 3000);
            ArrayNode array = root.putArray("files");
            files(title).forEach((path, content) -> array.addObject().put("path", path).put("content", content));
            return JSON.writeValueAsString(root);
        }

        /** message_start, content_block_start, the deltas, content_block_stop, message_delta, message_stop. */
        static List<String[]> frames(String toolInput) {
            List<String[]> frames = new ArrayList<>();
            ObjectNode start = JSON.createObjectNode().put("type", "message_start");
            ObjectNode message = start.putObject("message").put("id", "msg_bench").put("type", "message")
                    .put("role", "assistant").put("model", "claude-sonnet-4-5-20250929");
            message.putArray("content");
            message.putNull("stop_reason").putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", 300).put("output_tokens", 1)
                    .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 2200);
            frames.add(new String[] {"message_start", JSON.writeValueAsString(start)});
            ObjectNode block = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
            block.putObject("content_block").put("type", "tool_use").put("id", "toolu_bench")
                    .put("name", "deliver_app").putObject("input");
            frames.add(new String[] {"content_block_start", JSON.writeValueAsString(block)});
            for (int i = 0; i < toolInput.length(); i += 40) {
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
                delta.putObject("delta").put("type", "input_json_delta")
                        .put("partial_json", toolInput.substring(i, Math.min(toolInput.length(), i + 40)));
                frames.add(new String[] {"content_block_delta", JSON.writeValueAsString(delta)});
            }
            frames.add(new String[] {"content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"});
            ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
            end.putObject("delta").put("stop_reason", "tool_use").putNull("stop_sequence");
            end.putObject("usage").put("output_tokens", toolInput.length() / 3);
            frames.add(new String[] {"message_delta", JSON.writeValueAsString(end)});
            frames.add(new String[] {"message_stop", "{\"type\":\"message_stop\"}"});
            return frames;
        }

        @Override
        public void close() {
            server.stop(0);
            workers.shutdownNow();
        }
    }
}
