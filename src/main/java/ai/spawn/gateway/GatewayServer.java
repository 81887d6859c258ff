package ai.spawn.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gateway: its own HTTP/1.1 listener that serves every app at {@code {port}-{appId}.{domain}}, asking the
 * {@link RouteResolver} where each app lives and proxying to it (WebSocket included), or answering itself with a
 * small page when the app is unknown (404), gone (410), not ready (503) or not answering (502). A live app that
 * sleeps (paused) is woken first, off the event loop ({@link Route.Live#wake()}). Nothing of the control plane is
 * reachable through it.
 *
 * <p>Started and stopped with the Spring context. Thread-safe. {@link #start()} fails with an
 * {@link IllegalStateException} when the port cannot be bound.
 */
public final class GatewayServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
    private static final long SWEEP_SECONDS = 30;

    private final GatewayProperties properties;
    private final RouteResolver resolver;
    private final AppConnections apps;
    private ClientLimits limits;
    private EventLoopGroup group;
    private UpstreamPools pools;
    private AppWakes wakes;
    private ChannelGroup clients;
    private Channel serverChannel;
    private ScheduledFuture<?> sweeper;
    private volatile int boundPort = -1;

    public GatewayServer(GatewayProperties properties, RouteResolver resolver, GatewayTrafficListener listener) {
        this.properties = properties;
        this.resolver = resolver;
        this.apps = new AppConnections(listener, properties.maxConnectionsPerApp(),
                properties.maxConnectionsPerClientPerApp());
    }

    @Override
    public synchronized void start() {
        if (serverChannel != null) {
            return;
        }
        Transport transport = Transport.detect();
        quietLeakDetector();
        group = new MultiThreadIoEventLoopGroup(properties.eventLoopThreads(),
                new DefaultThreadFactory("spawnai-gateway"), transport.ioHandlerFactory());
        pools = new UpstreamPools(transport, properties);
        wakes = new AppWakes();
        clients = new DefaultChannelGroup("gateway-clients", GlobalEventExecutor.INSTANCE);
        limits = new ClientLimits(properties.maxConnectionsPerClient(), properties.connectionCap());
        ProxyContext context = new ProxyContext(properties,
                new RequestRouter(properties.domain(), resolver, pools), pools, wakes);
        HttpDecoderConfig decoderConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(16 * 1024)
                .setMaxHeaderSize(32 * 1024)
                .setMaxChunkSize(64 * 1024);
        long idleMillis = properties.idleTimeout().toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, UpstreamPools.WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        // counted before a byte is read, so that neither slow nor idle clients get past the caps
                        InetAddress address = ((InetSocketAddress) channel.remoteAddress()).getAddress();
                        if (!limits.admit(channel, address)) {
                            channel.close();
                            return;
                        }
                        ConnectionMeter meter = new ConnectionMeter(apps, channel, address);
                        channel.pipeline().addLast(
                                new TrafficMeter(meter, idleMillis),
                                new HttpServerCodec(decoderConfig),
                                new ClientHandler(context, meter));
                        clients.add(channel);
                    }
                });
        try {
            serverChannel = bootstrap.bind(properties.bind(), properties.port()).syncUninterruptibly().channel();
        } catch (Exception e) {
            // Netty rethrows the bind failure, a checked IOException, without declaring it
            shutDownLoops();
            throw new IllegalStateException("The gateway cannot listen on %s:%d: %s"
                    .formatted(properties.bind(), properties.port(), e.getMessage()), e);
        }
        boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        sweeper = group.next().scheduleAtFixedRate(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        log.info("Gateway listening on {}:{} ({}), apps at {}; at most {} client connections, {} per client",
                properties.bind(), boundPort, transport.name(), appUrl("{id}", 3000).replace("3000-", "{port}-"),
                limits.maxOpen(), properties.maxConnectionsPerClient());
    }

    @Override
    public synchronized void stop() {
        if (serverChannel == null) {
            return;
        }
        sweeper.cancel(false);
        serverChannel.close().syncUninterruptibly();
        serverChannel = null;
        boundPort = -1;
        clients.close().awaitUninterruptibly();
        pools.close();
        shutDownLoops();
        log.info("Gateway stopped");
    }

    /**
     * Turns Netty's buffer leak detector off unless a level was asked for ({@code -Dio.netty.leakDetection.level}).
     * At its default it records a stack trace for one buffer in 128 (it shows in a perf profile of the gateway's
     * loop) to find leaks that the tests, which keep it on, are there to find.
     */
    private static void quietLeakDetector() {
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    private void shutDownLoops() {
        wakes.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public synchronized boolean isRunning() {
        return serverChannel != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    /** The port the gateway listens on; {@code -1} while it is not running. */
    public int port() {
        return boundPort;
    }

    /**
     * The public URL of port {@code appPort} of app {@code appId}, e.g. {@code http://3000-abc123.localhost:8081/}:
     * the configured scheme and domain, and the public port (or the listening port) unless it is the scheme's
     * default.
     *
     * @throws IllegalArgumentException for an id that is not lowercase letters and digits, or a port out of range
     */
    public String appUrl(String appId, int appPort) {
        if (!"{id}".equals(appId) && !AppHost.isValidAppId(appId)) {
            throw new IllegalArgumentException("Not an app id (lowercase letters and digits): " + appId);
        }
        if (appPort < 1 || appPort > 65535) {
            throw new IllegalArgumentException("Not a port: " + appPort);
        }
        int port = properties.publicPort() != null ? properties.publicPort()
                : boundPort > 0 ? boundPort : properties.port();
        boolean defaultPort = ("http".equals(properties.scheme()) && port == 80)
                || ("https".equals(properties.scheme()) && port == 443);
        return properties.scheme() + "://" + appPort + "-" + appId + "." + properties.domain()
                + (defaultPort ? "" : ":" + port) + "/";
    }

    /** What the gateway has carried for {@code appId} so far; zeros for an app it has never routed to. */
    public AppTraffic traffic(String appId) {
        return apps.traffic(appId);
    }

    /**
     * Closes every client connection (WebSocket included) currently routed to {@code appId} and its pooled
     * connections. For when an app is destroyed or paused; new requests are routed as the {@link RouteResolver}
     * says. Its counters stay until a periodic sweep finds the app gone. Safe to call for unknown apps and while
     * stopped.
     */
    public void disconnect(String appId) {
        apps.disconnect(appId);
        UpstreamPools current = pools;
        if (current != null) {
            current.evictIf(key -> key.appId().equals(appId));
        }
    }

    /** Drops pools and counters of apps whose route changed or that are gone. Runs on an event loop. */
    private void sweep() {
        try {
            pools.evictIf(key -> !(resolveQuietly(key.appId(), key.port()) instanceof Route.Live live
                    && live.endpoint().equals(key.endpoint())));
            apps.sweep((appId, port) -> {
                Route route = resolveQuietly(appId, port);
                return route instanceof Route.Gone || route instanceof Route.Unknown;
            });
        } catch (RuntimeException e) {
            log.warn("Gateway sweep failed", e);
        }
    }

    private Route resolveQuietly(String appId, int port) {
        try {
            return resolver.resolve(appId, port);
        } catch (RuntimeException e) {
            return new Route.Unavailable(appId, e.toString());
        }
    }
}
