package ai.spawn.gateway;

import ai.spawn.sandbox.SandboxEndpoint;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPoolHandler;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keep-alive connections to apps, one {@link SimpleChannelPool} per event loop and app endpoint, so a client
 * connection and its upstream connection share a thread and a pooled connection is reused without any locking
 * or thread hop. Pools are LIFO (the warmest connection first); idle pooled connections close after
 * {@code upstreamIdleTimeout}. A pool that is evicted closes its idle connections at once and each connection
 * in use as it comes back. For an app with two unix sockets (its own and a relay), each new connection goes where
 * {@link SocketChoice} says. Thread-safe.
 */
final class UpstreamPools implements AutoCloseable {

    /** Which pool: the event loop the connection lives on and the app port it reaches. */
    record Key(EventLoop loop, String appId, int port, SandboxEndpoint endpoint) {
    }

    private static final Logger log = LoggerFactory.getLogger(UpstreamPools.class);

    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

    private final Transport transport;
    private final GatewayProperties properties;
    private final HttpDecoderConfig decoderConfig = new HttpDecoderConfig()
            .setMaxInitialLineLength(16 * 1024)
            .setMaxHeaderSize(64 * 1024)
            .setMaxChunkSize(64 * 1024);
    private final AbstractChannelPoolMap<Key, SimpleChannelPool> pools = new AbstractChannelPoolMap<>() {
        @Override
        protected SimpleChannelPool newPool(Key key) {
            return create(key);
        }
    };

    UpstreamPools(Transport transport, GatewayProperties properties) {
        this.transport = transport;
        this.properties = properties;
    }

    /** The pool for {@code key}, created on first use. */
    SimpleChannelPool get(Key key) {
        return pools.get(key);
    }

    /** How long opening a connection to an app may take. */
    Duration connectTimeout() {
        return properties.connectTimeout();
    }

    /**
     * Closes every pool whose key matches: their idle connections now, connections in use once their exchange
     * ends.
     */
    void evictIf(Predicate<Key> condition) {
        List<Key> doomed = new ArrayList<>();
        for (Map.Entry<Key, SimpleChannelPool> entry : pools) {
            if (condition.test(entry.getKey())) {
                doomed.add(entry.getKey());
            }
        }
        doomed.forEach(pools::remove);
    }

    int size() {
        return pools.size();
    }

    @Override
    public void close() {
        pools.close();
    }

    private SimpleChannelPool create(Key key) {
        Bootstrap bootstrap = new Bootstrap()
                .group(key.loop())
                .channel(transport.channelFor(key.endpoint()))
                .remoteAddress(transport.addressOf(key.endpoint()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
        if (key.endpoint() instanceof SandboxEndpoint.Tcp) {
            bootstrap.option(ChannelOption.TCP_NODELAY, true);
        }
        SandboxEndpoint.UnixSocket unix = key.endpoint() instanceof SandboxEndpoint.UnixSocket u ? u : null;
        SocketChoice choice = unix != null && unix.fallback() != null
                ? new SocketChoice(unix.path(), unix.fallback()) : null;
        return new EvictablePool(bootstrap, new Handler(), unix, choice);
    }

    /**
     * A LIFO pool that, once closed, closes the connections released to it. A plain {@link SimpleChannelPool} only
     * closes what is idle when it closes: a connection in use at that moment would come back to a pool nothing
     * reaches any more and stay open until its idle timeout, while the pool that replaces it opens new ones (one
     * more connection, and one more relay process in the app's sandbox, for each).
     */
    private final class EvictablePool extends SimpleChannelPool {

        private final SandboxEndpoint.UnixSocket unix;
        private final SocketChoice choice;
        private volatile boolean closed;

        /**
         * @param unix   the app's unix sockets, or {@code null} for a TCP endpoint (the bootstrap's address)
         * @param choice which of two unix sockets each new connection goes to, or {@code null} for one
         */
        EvictablePool(Bootstrap bootstrap, ChannelPoolHandler handler, SandboxEndpoint.UnixSocket unix,
                      SocketChoice choice) {
            super(bootstrap, handler, ChannelHealthChecker.ACTIVE, true, true);
            this.unix = unix;
            this.choice = choice;
        }

        /**
         * A new connection. To a unix socket: opened without following links (the sandbox may have replaced the
         * file), and usable only once its peer is the sandbox's ({@link PeerCheck}); until then nothing is sent.
         */
        @Override
        protected ChannelFuture connectChannel(Bootstrap bs) {
            if (unix == null) {
                return super.connectChannel(bs);
            }
            Path path = choice != null ? choice.next() : unix.path();
            SandboxEndpoint.Peer peer = unix.peer();
            SocketFiles.Opened opened;
            try {
                opened = SocketFiles.open(path, peer != null ? peer.uid() : -1);
            } catch (IOException e) {
                refused(path, e);
                return failedChannel(bs, e);
            }
            ChannelFuture connected;
            try {
                connected = bs.connect(transport.unixAddress(Path.of(opened.path())));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            ChannelPromise checked = connected.channel().newPromise();
            // runs before the pool's own listener: an exchange retrying after a failure gets the new choice
            connected.addListener(done -> {
                opened.close();
                if (!done.isSuccess()) {
                    if (choice != null) {
                        choice.failed(path, done.cause());
                    }
                    checked.tryFailure(done.cause());
                    return;
                }
                String problem;
                try {
                    problem = peer == null ? null : PeerCheck.problem(connected.channel(), peer);
                } catch (IOException e) {
                    problem = "its peer cannot be read: " + e;
                }
                if (problem == null) {
                    checked.trySuccess();
                    return;
                }
                IOException e = new IOException(path + ": " + problem);
                refused(path, e);
                connected.channel().close();
                checked.tryFailure(e);
            });
            return checked;
        }

        /** A socket file that is not the sandbox's: logged loudly (an app tried to redirect the gateway). */
        private void refused(Path path, IOException cause) {
            if (!(cause instanceof NoSuchFileException)) {
                log.warn("Refused to connect to {}: {}", path, cause.getMessage());
            }
            if (choice != null) {
                choice.failed(path, cause);
            }
        }

        /** A future for a connection that was never attempted. */
        private ChannelFuture failedChannel(Bootstrap bs, Throwable cause) {
            Channel channel = bs.register().channel();
            channel.close();
            return channel.newFailedFuture(cause);
        }

        @Override
        protected boolean offerChannel(Channel channel) {
            // refused: the pool closes the channel. A release racing with close may still slip in; close() then
            // finds it, or at worst it waits out its idle timeout
            return !closed && super.offerChannel(channel);
        }

        @Override
        public Future<Void> closeAsync() {
            closed = true;
            return super.closeAsync();
        }

        @Override
        public void close() {
            closed = true;
            super.close();
        }
    }

    /** Sets up new connections and flips them between "in use" and "idle in the pool". */
    private final class Handler implements ChannelPoolHandler {

        @Override
        public void channelCreated(Channel channel) {
            // reader idleness is enough for a pooled connection (nothing is written to it), and unlike writer
            // idleness it costs nothing per write
            channel.pipeline().addLast(
                    new IdleStateHandler(properties.upstreamIdleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                    new HttpClientCodec(decoderConfig, false, false),
                    new UpstreamHandler());
        }

        @Override
        public void channelAcquired(Channel channel) {
            channel.config().setAutoRead(true);
        }

        @Override
        public void channelReleased(Channel channel) {
            UpstreamHandler handler = channel.pipeline().get(UpstreamHandler.class);
            if (handler != null) {
                handler.detach();
            }
            // an idle pooled connection keeps reading so that the app closing it is noticed at once
            channel.config().setAutoRead(true);
        }
    }
}
