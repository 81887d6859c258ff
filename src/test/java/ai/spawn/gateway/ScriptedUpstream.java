package ai.spawn.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving app for tests on a plain server socket: each accepted connection runs a {@link Script} on its own
 * thread. Counts connections accepted and connections the gateway closed. Thread-safe.
 */
final class ScriptedUpstream implements AutoCloseable {

    /** What the app does with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Socket socket, ScriptedUpstream upstream) throws IOException;
    }

    /** Closes every connection at once, without reading. */
    static final Script HANG_UP = (socket, upstream) -> socket.close();

    /** Reads requests and never answers; notices when the gateway gives up. */
    static final Script SILENT = (socket, upstream) -> upstream.awaitPeerClose(socket);

    /**
     * Answers the first request with keep-alive, then closes the connection as the next request arrives, without
     * answering it: an app whose keep-alive timeout fires just as a pooled connection is reused.
     */
    static final Script ONE_ANSWER_PER_CONNECTION = (socket, upstream) -> {
        readHead(socket.getInputStream());
        upstream.answered.incrementAndGet(); // before the answer: a client that has it must see it counted
        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                .getBytes(StandardCharsets.ISO_8859_1));
        readHead(socket.getInputStream());
        socket.close();
    };

    /** Answers each request with keep-alive until the gateway closes the connection. */
    static final Script KEEP_ALIVE = (socket, upstream) -> {
        while (readHead(socket.getInputStream()) != null) {
            upstream.answered.incrementAndGet();
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        upstream.closedByGateway.incrementAndGet();
        socket.close();
    };

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger closedByGateway = new AtomicInteger();

    ScriptedUpstream(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    threads.execute(() -> {
                        try (socket) {
                            script.run(socket, this);
                        } catch (IOException e) {
                            // the gateway went away: nothing to do
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    int answered() {
        return answered.get();
    }

    int closedByGateway() {
        return closedByGateway.get();
    }

    /** Reads and drops until the gateway closes {@code socket}, then counts that. */
    void awaitPeerClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        while (in.read() != -1) {
            in.skip(in.available());
        }
        closedByGateway.incrementAndGet();
    }

    /** Reads a request head (up to the empty line); {@code null} at end of stream. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) != -1; ) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
