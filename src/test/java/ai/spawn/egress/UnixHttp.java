package ai.spawn.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A raw HTTP client over a unix socket, for talking to the proxy byte by byte. Reads give up after 10 s. */
public final class UnixHttp implements AutoCloseable {

    private final SocketChannel channel;

    public UnixHttp(Path socket) {
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public UnixHttp send(String text) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything until the proxy closes the connection. */
    public String readToEnd() {
        return readUntil(null);
    }

    /** Everything until {@code end} arrived (inclusive), or until the connection closed. */
    public String readUntil(String end) {
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(1);
            try {
                while (channel.read(buffer.clear()) > 0) {
                    got.write(buffer.get(0));
                    if (end != null && got.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
                        break;
                    }
                }
            } catch (IOException e) {
                // closed: return what came
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        });
        try {
            return read.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer within 10 s", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closed already
        }
    }
}
