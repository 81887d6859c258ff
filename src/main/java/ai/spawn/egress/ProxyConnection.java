package ai.spawn.egress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection from a sandbox: reads one request head, then either opens a {@code CONNECT} tunnel or forwards one
 * plain-http request (its {@code Content-Length} body and nothing after it) with {@code Connection: close}, to an
 * allowed destination only; anything else gets a 4xx/5xx
 * answer and the connection is closed. A refused destination is never resolved nor connected to.
 *
 * <p>Threads: {@link #run()} serves the sandbox-to-destination direction; the other direction runs on a second pool
 * thread. The connection closes when both directions ended, when either fails, or when {@link #close()} is called
 * (idle watchdog, socket closed). Safe to close from any thread.
 */
final class ProxyConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProxyConnection.class);
    private static final int MAX_REQUEST_HEAD = 16 * 1024;
    private static final int MAX_RESPONSE_HEAD = 64 * 1024;
    private static final int BUFFER = 16 * 1024;

    private final String sandboxId;
    private final SocketChannel client;
    private final ProxyContext context;
    private final EgressListener listener;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger openDirections = new AtomicInteger(2);
    private volatile Socket upstream;
    private volatile long lastActivity = System.nanoTime();

    ProxyConnection(String sandboxId, SocketChannel client, ProxyContext context, EgressListener listener,
                    Runnable onClose) {
        this.sandboxId = sandboxId;
        this.client = client;
        this.context = context;
        this.listener = listener;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try {
            MessageHead.Read read = MessageHead.read(this::readClient, MAX_REQUEST_HEAD);
            if (read == null) {
                close();
                return;
            }
            String[] parts = read.head().startParts();
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                respond(400, "Bad Request", "malformed request line");
            } else if (parts[0].equals("CONNECT")) {
                tunnel(parts[1], read.rest());
            } else if (parts[1].regionMatches(true, 0, "http://", 0, 7)) {
                forward(parts, read);
            } else {
                respond(400, "Bad Request", "this is a forward proxy: send CONNECT host:port or an absolute"
                        + " http:// URI");
            }
        } catch (IllegalArgumentException e) {
            respond(400, "Bad Request", e.getMessage());
        } catch (IOException e) {
            log.debug("egress connection of sandbox {} ended: {}", sandboxId, e.toString());
            close();
        } catch (RuntimeException e) {
            log.warn("egress connection of sandbox {} failed", sandboxId, e);
            close();
        }
    }

    /** Nanos since either side last sent something. */
    long idleNanos() {
        return System.nanoTime() - lastActivity;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Closes both sides now. Idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(client);
        Socket up = upstream;
        if (up != null) {
            closeQuietly(up);
        }
        onClose.run();
    }

    private void tunnel(String target, byte[] early) throws IOException {
        Destination destination = Destination.parse(target, -1);
        Socket socket = connect(destination, true);
        if (socket == null) {
            return;
        }
        writeClient("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        out.write(early);
        startUpstreamToClient(socket, false);
        pumpClientToUpstream(out, Long.MAX_VALUE);
    }

    private void forward(String[] parts, MessageHead.Read read) throws IOException {
        URI uri;
        try {
            uri = new URI(parts[1]);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URI");
        }
        if (uri.getRawAuthority() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the URI needs a host and no user info");
        }
        Destination destination = Destination.parse(uri.getRawAuthority(), 80);
        if (read.head().header("transfer-encoding").isPresent()) {
            respond(411, "Length Required", "plain-http requests through this proxy need a Content-Length body"
                    + " (no Transfer-Encoding)");
            return;
        }
        long bodyLength = contentLength(read.head());
        if (read.rest().length > bodyLength) {
            throw new IllegalArgumentException("bytes after the request: send one request per connection");
        }
        Socket socket = connect(destination, false);
        if (socket == null) {
            return;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String hostHeader = destination.port() == 80 ? destination.authority().replaceFirst(":80$", "")
                : destination.authority();
        MessageHead head = read.head().forwarded(parts[0] + " " + path + " " + parts[2], Set.of("host"),
                List.of(new MessageHead.Header("Host", hostHeader), new MessageHead.Header("Connection", "close")));
        OutputStream out = socket.getOutputStream();
        out.write(head.bytes());
        out.write(read.rest());
        startUpstreamToClient(socket, true);
        pumpClientToUpstream(out, bodyLength - read.rest().length);
    }

    /**
     * The body length a request head declares: 0 without {@code Content-Length}.
     *
     * @throws IllegalArgumentException when there are several or one is not a number
     */
    private static long contentLength(MessageHead head) {
        List<String> values = head.headers().stream().filter(h -> h.name().equalsIgnoreCase("content-length"))
                .map(MessageHead.Header::value).toList();
        if (values.isEmpty()) {
            return 0;
        }
        String value = values.get(0);
        if (values.size() > 1 || value.isEmpty() || value.length() > 18
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("one Content-Length with a number, please");
        }
        return Long.parseLong(value);
    }

    /** Resolves and connects, or answers the client and returns {@code null}. */
    private Socket connect(Destination destination, boolean tunnel) throws IOException {
        Optional<String> refusal = context.policy().refusal(destination, tunnel);
        if (refusal.isPresent()) {
            refuse(destination, refusal.get());
            return null;
        }
        List<InetAddress> addresses;
        try {
            addresses = context.resolver().resolve(destination.host());
        } catch (UnknownHostException e) {
            respond(502, "Bad Gateway", destination.host() + " does not resolve");
            return null;
        }
        List<InetAddress> allowed = addresses.stream().filter(context.policy()::allowsAddress).toList();
        if (allowed.isEmpty()) {
            refuse(destination, "resolves only to non-public addresses " + addresses);
            return null;
        }
        IOException failure = null;
        for (InetAddress address : allowed) {
            Socket socket = new Socket();
            upstream = socket;
            if (closed.get()) {
                closeQuietly(socket);
                return null;
            }
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, destination.port()),
                        (int) context.properties().connectTimeout().toMillis());
                touch();
                notifyConnected(destination);
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                failure = e;
            }
        }
        if (failure instanceof SocketTimeoutException) {
            respond(504, "Gateway Timeout", "connecting to " + destination + " timed out");
        } else {
            respond(502, "Bad Gateway", "cannot connect to " + destination + ": " + failure.getMessage());
        }
        return null;
    }

    private void refuse(Destination destination, String reason) throws IOException {
        log.warn("egress refused for sandbox {}: {} ({})", sandboxId, destination, reason);
        try {
            listener.refused(sandboxId, destination.host(), destination.port(), reason);
        } catch (RuntimeException e) {
            log.warn("an egress listener failed on a refusal", e);
        }
        respond(403, "Forbidden", "SpawnAI egress: " + destination + " is not allowed (" + reason
                + "); allowed hosts: " + String.join(", ", context.properties().allowedHosts()));
    }

    private void notifyConnected(Destination destination) {
        try {
            listener.connected(sandboxId, destination.host(), destination.port());
        } catch (RuntimeException e) {
            log.warn("an egress listener failed on a connection", e);
        }
    }

    private void startUpstreamToClient(Socket socket, boolean response) {
        try {
            context.executor().execute(() -> pumpUpstreamToClient(socket, response));
        } catch (RejectedExecutionException e) {
            log.warn("egress of sandbox {}: no thread left for a connection", sandboxId);
            close();
        }
    }

    /**
     * Copies what the sandbox sends, at most {@code limit} bytes: a byte beyond it (a pipelined request after a
     * plain-http one, which would reach the destination unchecked) closes the connection instead.
     */
    private void pumpClientToUpstream(OutputStream out, long limit) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long left = limit;
        try {
            while (client.read(buffer.clear()) >= 0) {
                touch();
                if (buffer.position() > left) {
                    log.warn("egress of sandbox {}: bytes after a plain-http request; closing", sandboxId);
                    close();
                    return;
                }
                left -= buffer.position();
                out.write(buffer.array(), 0, buffer.position());
            }
            upstream.shutdownOutput();
            directionEnded();
        } catch (IOException e) {
            close();
        }
    }

    private void pumpUpstreamToClient(Socket socket, boolean response) {
        try {
            InputStream in = socket.getInputStream();
            if (response) {
                forwardResponseHead(in);
            }
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                touch();
                writeClient(buffer, n);
            }
            if (response) {
                close();
                return;
            }
            client.shutdownOutput();
            directionEnded();
        } catch (IOException | IllegalArgumentException e) {
            close();
        }
    }

    /** Passes interim (1xx) heads through, then the final head rewritten to {@code Connection: close}. */
    private void forwardResponseHead(InputStream in) throws IOException {
        byte[] rest = new byte[0];
        while (true) {
            MessageHead.Read read = MessageHead.read(prefixed(rest, in), MAX_RESPONSE_HEAD);
            if (read == null) {
                return;
            }
            rest = read.rest();
            MessageHead head = read.head();
            String[] parts = head.startParts();
            boolean interim = parts.length >= 2 && parts[1].startsWith("1") && !parts[1].equals("101");
            if (interim) {
                writeClient(head.bytes());
                continue;
            }
            writeClient(head.forwarded(head.startLine(), Set.of(),
                    List.of(new MessageHead.Header("Connection", "close"))).bytes());
            writeClient(rest);
            return;
        }
    }

    private static MessageHead.Source prefixed(byte[] first, InputStream in) {
        int[] offset = {0};
        return (buffer, off, len) -> {
            if (offset[0] < first.length) {
                int n = Math.min(len, first.length - offset[0]);
                System.arraycopy(first, offset[0], buffer, off, n);
                offset[0] += n;
                return n;
            }
            return in.read(buffer, off, len);
        };
    }

    private void directionEnded() {
        if (openDirections.decrementAndGet() == 0) {
            close();
        }
    }

    private int readClient(byte[] buffer, int offset, int length) throws IOException {
        int n = client.read(ByteBuffer.wrap(buffer, offset, length));
        touch();
        return n;
    }

    private void writeClient(byte[] bytes) throws IOException {
        writeClient(bytes, bytes.length);
    }

    private void writeClient(byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            client.write(buffer);
        }
    }

    /** Answers with a short text and closes. */
    private void respond(int status, String reason, String text) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            writeClient(head.getBytes(StandardCharsets.ISO_8859_1));
            writeClient(body);
        } catch (IOException e) {
            log.debug("egress of sandbox {}: could not answer {}: {}", sandboxId, status, e.toString());
        } finally {
            close();
        }
    }

    private void touch() {
        lastActivity = System.nanoTime();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing what is already broken
        }
    }
}
