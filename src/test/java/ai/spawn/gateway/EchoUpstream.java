package ai.spawn.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An app for tests, on the JDK's own HTTP server (so the gateway is checked against an HTTP implementation other
 * than Netty's), listening on 127.0.0.1 and a random port.
 * <ul>
 *   <li>{@code /echo}: a text report of the request: method, target, every header, the body's length and SHA-256;</li>
 *   <li>{@code /big?bytes=N}: N bytes of {@link #pattern(long)}, chunked, written 64 KiB at a time.</li>
 * </ul>
 * Records the remote address of every request, i.e. which upstream connection carried it. Thread-safe.
 */
final class EchoUpstream implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Set<String> connections = ConcurrentHashMap.newKeySet();

    EchoUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", this::echo);
        server.createContext("/big", this::big);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Remote addresses seen since the last {@link #resetConnections()}. */
    Set<String> connections() {
        return Set.copyOf(connections);
    }

    void resetConnections() {
        connections.clear();
    }

    static byte pattern(long index) {
        return (byte) (index * 31 + 7);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void echo(HttpExchange exchange) throws IOException {
        connections.add(exchange.getRemoteAddress().toString());
        MessageDigest digest = digest();
        long length = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; length += n) {
                digest.update(buffer, 0, n);
            }
        }
        StringBuilder report = new StringBuilder()
                .append("method: ").append(exchange.getRequestMethod()).append('\n')
                .append("target: ").append(exchange.getRequestURI()).append('\n');
        for (Map.Entry<String, java.util.List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                report.append(header.getKey().toLowerCase(Locale.ROOT)).append(": ").append(value).append('\n');
            }
        }
        report.append("body-length: ").append(length).append('\n')
                .append("body-sha256: ").append(HexFormat.of().formatHex(digest.digest())).append('\n');
        byte[] body = report.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void big(HttpExchange exchange) throws IOException {
        connections.add(exchange.getRemoteAddress().toString());
        exchange.getRequestBody().close();
        long total = Long.parseLong(exchange.getRequestURI().getQuery().replace("bytes=", ""));
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] block = new byte[64 * 1024];
            for (long written = 0; written < total; ) {
                int n = (int) Math.min(block.length, total - written);
                for (int i = 0; i < n; i++) {
                    block[i] = pattern(written + i);
                }
                out.write(block, 0, n);
                written += n;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
