package ai.spawn.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A unix domain socket in front of a TCP port, served by {@code socat UNIX-LISTEN:…,fork TCP:…} as the local
 * sandbox provider does. Each connection to the socket becomes its own TCP connection.
 */
final class SocatUnixFront implements AutoCloseable {

    private final Process process;
    private final Path socket;

    SocatUnixFront(Path socket, int tcpPort) throws IOException {
        this.socket = socket;
        this.process = new ProcessBuilder("socat", "UNIX-LISTEN:" + socket + ",fork",
                "TCP:127.0.0.1:" + tcpPort).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(socket) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("socat exited with " + process.exitValue());
        }
    }

    Path socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        Files.deleteIfExists(socket);
    }
}
