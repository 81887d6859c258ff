package ai.spawn.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app on a unix socket for tests, answering every request "ok" with keep-alive. Its listen queue has a chosen
 * length, and it can wait before accepting (so that connections beyond the queue are refused meanwhile) or before
 * answering. Counts connections accepted, requests read and connections the gateway closed. Thread-safe.
 */
final class UnixUpstream implements AutoCloseable {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final Path path;
    private final ServerSocketChannel server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch accepting = new CountDownLatch(1);
    private final CountDownLatch answering;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closedByGateway = new AtomicInteger();

    private UnixUpstream(Path path, int backlog, boolean holdAnswers) throws IOException {
        this.path = path;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path), backlog);
        this.answering = new CountDownLatch(holdAnswers ? 1 : 0);
        threads.execute(this::acceptLoop);
    }

    /** Accepts and answers at once. */
    static UnixUpstream serving(Path path) throws IOException {
        UnixUpstream upstream = new UnixUpstream(path, 50, false);
        upstream.startAccepting();
        return upstream;
    }

    /** Accepts only after {@link #startAccepting()}; until then at most {@code backlog} + 1 connections wait. */
    static UnixUpstream notAcceptingYet(Path path, int backlog) throws IOException {
        return new UnixUpstream(path, backlog, false);
    }

    /** Accepts at once, answers only after {@link #answer()}. */
    static UnixUpstream holdingAnswers(Path path) throws IOException {
        UnixUpstream upstream = new UnixUpstream(path, 50, true);
        upstream.startAccepting();
        return upstream;
    }

    Path path() {
        return path;
    }

    void startAccepting() {
        accepting.countDown();
    }

    void answer() {
        answering.countDown();
    }

    int accepted() {
        return accepted.get();
    }

    int requests() {
        return requests.get();
    }

    int closedByGateway() {
        return closedByGateway.get();
    }

    private void acceptLoop() {
        try {
            accepting.await();
            while (server.isOpen()) {
                SocketChannel socket = server.accept();
                accepted.incrementAndGet();
                threads.execute(() -> serve(socket));
            }
        } catch (IOException | InterruptedException e) {
            // closed
        }
    }

    private void serve(SocketChannel socket) {
        try (socket) {
            InputStream in = Channels.newInputStream(socket);
            OutputStream out = Channels.newOutputStream(socket);
            while (ScriptedUpstream.readHead(in) != null) {
                requests.incrementAndGet();
                answering.await();
                out.write(OK);
            }
            closedByGateway.incrementAndGet();
        } catch (IOException | InterruptedException e) {
            // the gateway or the test went away: nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        Files.deleteIfExists(path);
    }
}
