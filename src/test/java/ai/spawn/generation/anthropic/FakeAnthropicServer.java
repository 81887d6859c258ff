package ai.spawn.generation.anthropic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake of the Claude Messages API that speaks its real wire format: {@code POST /v1/messages} answers either
 * one JSON message or a server-sent event stream in which every frame has an {@code event:} line
 * ({@code message_start}, {@code content_block_start}, {@code content_block_delta}, {@code content_block_stop},
 * {@code message_delta}, {@code message_stop}, {@code ping}, {@code error}), and errors as
 * {@code {"type":"error","error":{"type":..,"message":..}}} with their status and headers such as
 * {@code retry-after}. Answers come from a scripted queue; every request is recorded with its headers and body.
 * The API key is accepted as {@code Authorization: Bearer} (SDK 3.x) or {@code x-api-key} (2.x); a wrong or
 * missing key gets 401 before the script is consulted.
 */
final class FakeAnthropicServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.shared();

    static {
        // answer without Nagle's delay, as real API front ends do; the JDK server reads this once, at first use
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    static final String MODEL = "claude-sonnet-4-5-20250929";

    /** A recorded request. Header names are lower-case. */
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** One scripted answer. */
    sealed interface Reply permits Json, Stream {
    }

    /** A JSON answer with a status and extra headers. */
    record Json(int status, String body, Map<String, String> headers) implements Reply {
    }

    /** An SSE answer; a {@link Frame} with a latch makes the server wait for it before writing on. */
    record Stream(List<Frame> frames) implements Reply {
    }

    /** One SSE frame, or (with {@code gate}) a pause until the gate opens or 10 s pass. */
    record Frame(String event, String data, CountDownLatch gate) {
        static Frame of(String event, JsonNode data) {
            return new Frame(event, JSON.writeValueAsString(data), null);
        }

        static Frame await(CountDownLatch gate) {
            return new Frame(null, null, gate);
        }
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final String apiKey;
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<Boolean> gates = new CopyOnWriteArrayList<>();
    private final AtomicLong handlingNanos = new AtomicLong();

    FakeAnthropicServer(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeAnthropicServer enqueue(Reply reply) {
        script.add(reply);
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** For each gate passed: whether it was opened (true) rather than given up on after 10 s (false). */
    List<Boolean> gates() {
        return List.copyOf(gates);
    }

    /** Time spent inside the fake, from reading a request to writing the last byte of its answer. */
    long handlingNanos() {
        return handlingNanos.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long t0 = System.nanoTime();
        try (exchange) {
            respond(exchange);
        } finally {
            handlingNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                body);
        requests.add(request);
        if (!"POST".equals(request.method()) || !"/v1/messages".equals(request.path())) {
            send(exchange, error(404, "not_found_error", "no route " + request.path()));
            return;
        }
        String bearer = request.header("authorization");
        String key = bearer != null && bearer.startsWith("Bearer ") ? bearer.substring(7) : request.header("x-api-key");
        if (!apiKey.equals(key)) {
            send(exchange, error(401, "authentication_error", "invalid x-api-key"));
            return;
        }
        Reply reply = script.poll();
        if (reply == null) {
            send(exchange, error(500, "api_error", "the fake has no scripted answer left"));
        } else if (reply instanceof Json json) {
            send(exchange, json);
        } else {
            stream(exchange, (Stream) reply);
        }
    }

    private static void send(HttpExchange exchange, Json json) throws IOException {
        byte[] bytes = json.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("request-id", "req_fake");
        json.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(json.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void stream(HttpExchange exchange, Stream stream) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (Frame frame : stream.frames()) {
            if (frame.gate() != null) {
                try {
                    gates.add(frame.gate().await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            String text = "event: " + frame.event() + "\ndata: " + frame.data() + "\n\n";
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    // ---- scripted answers, in the shapes the real API sends ----

    static Json error(int status, String type, String message, String... headers) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        Map<String, String> extra = new TreeMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            extra.put(headers[i], headers[i + 1]);
        }
        return new Json(status, JSON.writeValueAsString(body), extra);
    }

    static ObjectNode usage(long input, long output, long cacheWrite, long cacheRead) {
        return JSON.createObjectNode().put("input_tokens", input).put("output_tokens", output)
                .put("cache_creation_input_tokens", cacheWrite).put("cache_read_input_tokens", cacheRead);
    }

    /** A whole message whose only block is a {@code deliver_app} call. */
    static Json toolMessage(String toolInput, ObjectNode usage) {
        ObjectNode message = message(usage, "tool_use");
        ObjectNode block = ((ArrayNode) message.get("content")).addObject().put("type", "tool_use")
                .put("id", "toolu_fake1").put("name", "deliver_app");
        block.set("input", JSON.readTree(toolInput));
        return new Json(200, JSON.writeValueAsString(message), Map.of());
    }

    /** A whole message with only text. */
    static Json textMessage(String text, ObjectNode usage) {
        ObjectNode message = message(usage, "end_turn");
        ((ArrayNode) message.get("content")).addObject().put("type", "text").put("text", text);
        return new Json(200, JSON.writeValueAsString(message), Map.of());
    }

    private static ObjectNode message(ObjectNode usage, String stopReason) {
        ObjectNode message = JSON.createObjectNode().put("id", "msg_fake1").put("type", "message")
                .put("role", "assistant").put("model", MODEL);
        message.putArray("content");
        message.put("stop_reason", stopReason).putNull("stop_sequence");
        message.set("usage", usage);
        return message;
    }

    /** The frames of a streamed answer that calls {@code deliver_app}, its input cut into pieces. */
    static List<Frame> toolStream(String toolInput, int pieceLength, ObjectNode usage, String stopReason) {
        List<Frame> frames = new ArrayList<>(start(usage));
        ObjectNode block = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        block.putObject("content_block").put("type", "tool_use").put("id", "toolu_fake1").put("name", "deliver_app")
                .putObject("input");
        frames.add(Frame.of("content_block_start", block));
        frames.add(Frame.of("ping", JSON.createObjectNode().put("type", "ping")));
        for (int i = 0; i < toolInput.length(); i += pieceLength) {
            frames.add(inputDelta(toolInput.substring(i, Math.min(toolInput.length(), i + pieceLength))));
        }
        frames.addAll(end(usage.get("output_tokens").asLong(), stopReason));
        return frames;
    }

    /** The frames of a streamed answer with only text. */
    static List<Frame> textStream(String text, ObjectNode usage) {
        List<Frame> frames = new ArrayList<>(start(usage));
        ObjectNode block = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        block.putObject("content_block").put("type", "text").put("text", "");
        frames.add(Frame.of("content_block_start", block));
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", text);
        frames.add(Frame.of("content_block_delta", delta));
        frames.addAll(end(usage.get("output_tokens").asLong(), "end_turn"));
        return frames;
    }

    static List<Frame> start(ObjectNode usage) {
        ObjectNode startUsage = usage.deepCopy().put("output_tokens", 1);
        ObjectNode message = message(startUsage, null);
        message.putNull("stop_reason");
        ObjectNode event = JSON.createObjectNode().put("type", "message_start");
        event.set("message", message);
        return List.of(Frame.of("message_start", event));
    }

    static Frame inputDelta(String partialJson) {
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "input_json_delta").put("partial_json", partialJson);
        return Frame.of("content_block_delta", delta);
    }

    static Frame errorEvent(String type, String message) {
        ObjectNode event = JSON.createObjectNode().put("type", "error");
        event.putObject("error").put("type", type).put("message", message);
        return Frame.of("error", event);
    }

    static List<Frame> end(long outputTokens, String stopReason) {
        ObjectNode stop = JSON.createObjectNode().put("type", "content_block_stop").put("index", 0);
        ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", outputTokens);
        return List.of(Frame.of("content_block_stop", stop), Frame.of("message_delta", delta),
                Frame.of("message_stop", JSON.createObjectNode().put("type", "message_stop")));
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
