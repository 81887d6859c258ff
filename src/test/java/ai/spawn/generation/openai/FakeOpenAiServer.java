package ai.spawn.generation.openai;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake OpenAI-compatible server (Ollama, vLLM, llama.cpp, OpenAI) that speaks the real Chat Completions wire
 * format: {@code POST /v1/chat/completions} answers one {@code chat.completion} JSON or a server-sent event stream
 * of {@code data: {chat.completion.chunk}} lines (no {@code event:} lines) ending with {@code data: [DONE]}; tool
 * calls arrive as {@code delta.tool_calls[]{index,id,function{name,arguments}}} fragments and usage in the last
 * chunk; errors as {@code {"error":{"message",..}}} with their status and headers such as {@code Retry-After}.
 * Answers come from a scripted queue; every request is recorded with its headers and body.
 */
final class FakeOpenAiServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.shared();

    static {
        // answer without Nagle's delay, as real API front ends do; the JDK server reads this once, at first use
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A recorded request. Header names are lower-case. */
    record Recorded(String path, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A scripted answer: a status, headers and either a JSON body or SSE data payloads. */
    record Reply(int status, Map<String, String> headers, String json, List<String> events) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    /** The base URL as Ollama documents it, with {@code /v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeOpenAiServer enqueue(Reply reply) {
        script.add(reply);
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            requests.add(new Recorded(exchange.getRequestURI().getPath(), headers, body));
            Reply reply = script.poll();
            if (!exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                reply = error(404, "404 page not found");
            } else if (reply == null) {
                reply = error(500, "the fake has no scripted answer left");
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            OutputStream out = exchange.getResponseBody();
            if (reply.events() == null) {
                byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                out.write(bytes);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(reply.status(), 0);
            for (String data : reply.events()) {
                out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    // ---- scripted answers, in the shapes the real servers send ----

    static Reply error(int status, String message, String... headers) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "server_error");
        Map<String, String> extra = new TreeMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            extra.put(headers[i], headers[i + 1]);
        }
        return new Reply(status, extra, JSON.writeValueAsString(body), null);
    }

    /** A stream of raw data payloads (the last should be {@code [DONE]}). */
    static Reply stream(List<String> events) {
        return new Reply(200, Map.of(), null, events);
    }

    /** Chunks calling {@code deliver_app} with arguments cut into pieces, then usage, then {@code [DONE]}. */
    static List<String> toolCallChunks(String arguments, int pieceLength, long prompt, long completion, long cached) {
        List<String> events = new ArrayList<>();
        ObjectNode first = chunk();
        ObjectNode delta = first.putArray("choices").addObject().put("index", 0).putObject("delta")
                .put("role", "assistant");
        ObjectNode call = delta.putArray("tool_calls").addObject().put("index", 0).put("id", "call_fake1")
                .put("type", "function");
        call.putObject("function").put("name", "deliver_app").put("arguments", "");
        events.add(JSON.writeValueAsString(first));
        for (int i = 0; i < arguments.length(); i += pieceLength) {
            ObjectNode piece = chunk();
            piece.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls")
                    .addObject().put("index", 0).putObject("function")
                    .put("arguments", arguments.substring(i, Math.min(arguments.length(), i + pieceLength)));
            events.add(JSON.writeValueAsString(piece));
        }
        events.addAll(finish("tool_calls", prompt, completion, cached));
        return events;
    }

    /** Chunks with only text content. */
    static List<String> textChunks(String text) {
        List<String> events = new ArrayList<>();
        ObjectNode piece = chunk();
        piece.putArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant")
                .put("content", text);
        events.add(JSON.writeValueAsString(piece));
        events.addAll(finish("stop", 50, 20, 0));
        return events;
    }

    /** The last chunk with a finish reason, the usage chunk (empty choices), {@code [DONE]}. */
    static List<String> finish(String reason, long prompt, long completion, long cached) {
        ObjectNode last = chunk();
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        ObjectNode usage = chunk();
        usage.putArray("choices");
        ObjectNode counts = usage.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        if (cached > 0) {
            counts.putObject("prompt_tokens_details").put("cached_tokens", cached);
        }
        return List.of(JSON.writeValueAsString(last), JSON.writeValueAsString(usage), "[DONE]");
    }

    /** A whole {@code chat.completion} calling {@code deliver_app}. */
    static Reply completion(String arguments, long prompt, long completion) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_760_000_000).put("model", "llama3.1");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls");
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", "");
        ArrayNode calls = message.putArray("tool_calls");
        ObjectNode call = calls.addObject().put("id", "call_fake1").put("type", "function");
        call.putObject("function").put("name", "deliver_app").put("arguments", arguments);
        body.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion);
        return new Reply(200, Map.of(), JSON.writeValueAsString(body), null);
    }

    private static ObjectNode chunk() {
        return JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 1_760_000_000).put("model", "llama3.1");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
