package ai.spawn.egress;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) forward proxy through which sandboxed install commands reach package registries, and nothing else.
 * Each sandbox gets its own unix socket ({@link #listen}), so the proxy knows who asks without trusting anything the
 * sandbox says. It serves {@code CONNECT host:port} tunnels (https) and plain-http requests in absolute form, to
 * destinations {@link EgressProperties#allowedHosts() allowed} by name and port; every other destination is answered
 * 403, logged and reported to the {@link EgressListener} without being resolved or connected to. Allowed names are
 * resolved here, on the host, by the {@link HostResolver}: sandboxes have no resolver.
 *
 * <p>Blocking I/O on a bounded thread pool rather than Netty: the proxy only serves install commands, which are
 * short-lived and open few connections at once (npm at most ~16), and whose throughput is bound by the registry,
 * not by thread switches; a thread per direction keeps the tunnel and the request rewriting short and plainly
 * correct, and the JDK's blocking unix-domain channels need no native transport. Limits keep the thread count
 * bounded: {@code maxConnections} in all (two threads each), {@code maxConnectionsPerSandbox} per socket, and one
 * accepting thread per open {@link EgressSocket}, which sandboxes open only while an install runs.
 *
 * <p>Thread-safe. {@link #close()} closes every socket and connection.
 */
public final class EgressProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EgressProxy.class);

    private final EgressProperties properties;
    private final ProxyContext context;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final Set<SandboxSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger total = new AtomicInteger();

    public EgressProxy(EgressProperties properties, HostResolver resolver, EgressListener listener) {
        this.properties = properties;
        this.pool = new ThreadPoolExecutor(0, properties.maxConnections() * 2 + 4, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemons("egress-"));
        this.context = new ProxyContext(new EgressPolicy(properties), resolver, listener, properties, pool);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemons("egress-idle-"));
        long period = Math.max(100, Math.min(5000, properties.idleTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
        log.info("egress proxy allows {} (tunnels to ports {}, http to ports {})", properties.allowedHosts(),
                properties.connectPorts(), properties.httpPorts());
    }

    /** {@link #listen(String, Path, EgressListener)} reporting to the proxy's listener only. */
    public EgressSocket listen(String sandboxId, Path socket) throws IOException {
        return listen(sandboxId, socket, EgressListener.NONE);
    }

    /**
     * Accepts connections of {@code sandboxId} on a new unix socket at {@code socket} (an existing file there is
     * replaced) until the returned handle is closed. The caller makes the file reachable to the sandbox (owner,
     * mode, bind mount).
     *
     * @param own hears this socket's refusals and connections, after the proxy's listener
     * @throws IOException when the socket cannot be created
     */
    public EgressSocket listen(String sandboxId, Path socket, EgressListener own) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        SandboxSocket handle = new SandboxSocket(sandboxId, socket, server, both(context.listener(), own));
        sockets.add(handle);
        Thread acceptor = new Thread(handle::acceptLoop, "egress-accept-" + sandboxId);
        acceptor.setDaemon(true);
        acceptor.start();
        return handle;
    }

    /** Connections open through every socket now. */
    public int activeConnections() {
        return total.get();
    }

    @Override
    public void close() {
        sockets.forEach(SandboxSocket::close);
        watchdog.shutdownNow();
        pool.shutdownNow();
    }

    private void closeIdle() {
        long limit = properties.idleTimeout().toNanos();
        for (ProxyConnection c : connections) {
            if (c.idleNanos() > limit) {
                log.debug("closing an egress connection idle for over {}", properties.idleTimeout());
                c.close();
            }
        }
    }

    /** Calls {@code first}, then {@code second}; a failure of one does not keep the other from hearing. */
    private static EgressListener both(EgressListener first, EgressListener second) {
        if (second == EgressListener.NONE) {
            return first;
        }
        return new EgressListener() {
            @Override
            public void refused(String sandboxId, String host, int port, String reason) {
                try {
                    first.refused(sandboxId, host, port, reason);
                } finally {
                    second.refused(sandboxId, host, port, reason);
                }
            }

            @Override
            public void connected(String sandboxId, String host, int port) {
                try {
                    first.connected(sandboxId, host, port);
                } finally {
                    second.connected(sandboxId, host, port);
                }
            }
        };
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One sandbox's listening socket and the connections accepted on it. */
    private final class SandboxSocket implements EgressSocket {

        private final String sandboxId;
        private final Path path;
        private final ServerSocketChannel server;
        private final EgressListener listener;
        private final Set<ProxyConnection> mine = ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        SandboxSocket(String sandboxId, Path path, ServerSocketChannel server, EgressListener listener) {
            this.sandboxId = sandboxId;
            this.path = path;
            this.server = server;
            this.listener = listener;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public int activeConnections() {
            return mine.size();
        }

        void acceptLoop() {
            while (!closed) {
                SocketChannel channel;
                try {
                    channel = server.accept();
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    if (!closed) {
                        log.warn("egress socket of sandbox {} failed; it accepts no more", sandboxId, e);
                        close();
                    }
                    return;
                }
                admit(channel);
            }
        }

        private void admit(SocketChannel channel) {
            if (mine.size() >= properties.maxConnectionsPerSandbox() || total.get() >= properties.maxConnections()) {
                log.warn("egress of sandbox {}: too many connections ({} of this sandbox, {} in all)", sandboxId,
                        mine.size(), total.get());
                busy(channel);
                return;
            }
            ProxyConnection[] self = new ProxyConnection[1];
            self[0] = new ProxyConnection(sandboxId, channel, context, listener, () -> {
                if (mine.remove(self[0])) {
                    connections.remove(self[0]);
                    total.decrementAndGet();
                }
            });
            mine.add(self[0]);
            connections.add(self[0]);
            total.incrementAndGet();
            if (closed) {
                self[0].close();
                return;
            }
            try {
                pool.execute(self[0]);
            } catch (RejectedExecutionException e) {
                self[0].close();
            }
        }

        private void busy(SocketChannel channel) {
            try (channel) {
                channel.write(ByteBuffer.wrap(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                log.debug("egress of sandbox {}: could not answer 503: {}", sandboxId, e.toString());
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            sockets.remove(this);
            try {
                server.close();
            } catch (IOException e) {
                log.debug("closing the egress socket of {}: {}", sandboxId, e.toString());
            }
            mine.forEach(ProxyConnection::close);
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.debug("removing {}: {}", path, e.toString());
            }
        }
    }
}
