package ai.spawn.generation.blueprint;

import static org.awaitility.Awaitility.await;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.Runtime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A generated bundle written to a directory and running on the host's node, the way the sandbox runs it (working
 * directory = the bundle, {@code PORT} set). Static bundles run under the file server the sandbox uses.
 * Close it to stop the process; {@link #restart()} stops and starts it on the same files.
 */
final class RunningApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final AppBundle bundle;
    private final Path dir;
    private final int port;
    private Process process;

    private RunningApp(AppBundle bundle, Path dir, int port) {
        this.bundle = bundle;
        this.dir = dir;
        this.port = port;
    }

    /** Writes {@code bundle} into {@code dir} and starts it; returns once {@code /} answers 200. */
    static RunningApp start(AppBundle bundle, Path dir) throws IOException {
        write(bundle, dir);
        RunningApp app = new RunningApp(bundle, dir, freePort());
        app.launch();
        return app;
    }

    static void write(AppBundle bundle, Path dir) throws IOException {
        for (Map.Entry<String, String> f : bundle.files().entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    private void launch() throws IOException {
        List<String> command;
        if (bundle.runtime() == Runtime.STATIC) {
            Path server = dir.getParent().resolve("static-server-" + port + ".js");
            try (InputStream in = RunningApp.class.getResourceAsStream("/ai/spawn/sandbox/local/static-server.js")) {
                Files.write(server, in.readAllBytes());
            }
            command = List.of("node", server.toString());
        } else {
            command = List.of(bundle.start().split(" "));
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.getParent().resolve("app-" + port + ".log")
                        .toFile()));
        pb.environment().put("PORT", String.valueOf(port));
        process = pb.start();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("app exited with " + process.exitValue() + ": " + log());
                    }
                    return get("/").statusCode() == 200;
                });
    }

    void restart() throws IOException {
        stop();
        launch();
    }

    String log() {
        try {
            return Files.readString(dir.getParent().resolve("app-" + port + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    Path dir() {
        return dir;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, "application/json", json);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).method(method, publisher));
    }

    /** Runs {@code code} with {@code node -e} in the app's directory (to test its browser logic) and returns stdout. */
    String node(String code) {
        return NodeRun.run(dir, code);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
