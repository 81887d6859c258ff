package ai.spawn.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test client: one raw HTTP/1.1 GET to a {@link SandboxEndpoint} (unix socket, falling back as the gateway does, or
 * TCP), with a deadline.
 */
public final class EndpointClient {

    private EndpointClient() {
    }

    /** A response: status code, raw header block and body. */
    public record Response(int status, String headers, String body) {
    }

    public static Response get(SandboxEndpoint endpoint, String path) throws IOException {
        return get(endpoint, path, Duration.ofSeconds(5));
    }

    public static Response get(SandboxEndpoint endpoint, String path, Duration timeout) throws IOException {
        SocketChannel channel = endpoint instanceof SandboxEndpoint.UnixSocket unix
                ? openUnix(unix)
                : open(StandardProtocolFamily.INET, new InetSocketAddress(((SandboxEndpoint.Tcp) endpoint).host(),
                        ((SandboxEndpoint.Tcp) endpoint).port()));
        CompletableFuture<Response> exchange = CompletableFuture.supplyAsync(() -> exchange(channel, path));
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            channel.close();
        }
    }

    /** The preferred socket when it takes the connection, else the fallback, as the gateway does. */
    private static SocketChannel openUnix(SandboxEndpoint.UnixSocket unix) throws IOException {
        try {
            return open(StandardProtocolFamily.UNIX, UnixDomainSocketAddress.of(unix.path()));
        } catch (IOException e) {
            if (unix.fallback() == null) {
                throw e;
            }
            return open(StandardProtocolFamily.UNIX, UnixDomainSocketAddress.of(unix.fallback()));
        }
    }

    private static SocketChannel open(StandardProtocolFamily family, SocketAddress address) throws IOException {
        SocketChannel channel = SocketChannel.open(family);
        try {
            channel.connect(address);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static Response exchange(SocketChannel channel, String path) {
        try {
            String request = "GET " + path + " HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = Channels.newInputStream(channel);
            in.transferTo(bytes);
            String raw = bytes.toString(StandardCharsets.UTF_8);
            int headerEnd = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.") || headerEnd < 0) {
                throw new IOException("not an HTTP response: " + raw);
            }
            int status = Integer.parseInt(raw.substring(9, 12));
            return new Response(status, raw.substring(0, headerEnd), raw.substring(headerEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
