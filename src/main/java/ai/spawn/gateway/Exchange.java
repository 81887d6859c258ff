package ai.spawn.gateway;

import ai.spawn.sandbox.SandboxEndpoint;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request forwarded to an app, from taking a pooled connection until the response's last byte is written to
 * the client (or, after a WebSocket handshake, until either side closes): sends the request, relays the response
 * with backpressure, returns the connection to its pool when both sides allow, resends a body-less request once
 * when a pooled connection turns out to have been closed by the app, and connects again for a while when the app's
 * listen queue is full. Reports to its {@link ClientHandler}.
 * Confined to the client connection's event loop (the upstream connection lives on the same loop).
 */
final class Exchange {

    private static final Logger log = LoggerFactory.getLogger(Exchange.class);
    /** Wait before connecting again to an app whose listen queue was full: doubling from 1 ms up to this. */
    private static final long MAX_BACKOFF_MILLIS = 32;

    final UpstreamPools.Key key;
    private final ClientHandler owner;
    private final Channel client;
    private final UpstreamPools pools;
    /** The request as sent to the app (headers already rewritten); kept to resend it on a stale pooled connection. */
    private final HttpRequest request;
    private final RequestInfo requestInfo;
    private final boolean webSocket;
    private final boolean hasBody;

    private SimpleChannelPool pool;
    private Channel upstream;
    /** When connecting must have succeeded ({@link System#nanoTime()}), set by the first attempt. */
    private long connectDeadline;
    /** Attempts so far that found the app's listen queue full. */
    private int busyRetries;
    /** A refused connect was tried again (for an app with two sockets: on the other one). */
    private boolean refusedRetried;
    private boolean connecting;
    private boolean cancelled;
    /** The upstream connection came from the pool, so the app may have closed it just before we used it. */
    private boolean reused;
    private boolean retried;
    private boolean requestDone;
    /** Anything at all came back from the app on the current upstream connection. */
    private boolean heardBack;
    /** Between a 1xx response and its (empty) end. */
    private boolean informational;
    private boolean responseStarted;
    private boolean tunnel;
    private boolean upstreamReusable;
    /** The client connection stays open after this exchange. */
    private boolean keepAlive;
    private boolean upstreamDirty;
    private boolean clientDirty;

    Exchange(UpstreamPools.Key key, ClientHandler owner, Channel client, UpstreamPools pools, HttpRequest request,
             RequestInfo requestInfo, boolean webSocket, boolean hasBody) {
        this.key = key;
        this.owner = owner;
        this.client = client;
        this.pools = pools;
        this.request = request;
        this.requestInfo = requestInfo;
        this.webSocket = webSocket;
        this.hasBody = hasBody;
        this.keepAlive = requestInfo.keepAlive();
    }

    boolean requestDone() {
        return requestDone;
    }

    boolean responseStarted() {
        return responseStarted;
    }

    /** The upstream connection in use, {@code null} while connecting. */
    Channel upstream() {
        return upstream;
    }

    // ---- connecting

    /** Takes a pooled connection to the app, or opens one; the owner hears {@code connected} or an error page. */
    void connect() {
        if (cancelled) {
            return;
        }
        if (!connecting) {
            connecting = true;
            connectDeadline = System.nanoTime() + pools.connectTimeout().toNanos();
        }
        Future<Channel> acquired;
        try {
            pool = pools.get(key);
            acquired = pool.acquire();
        } catch (RuntimeException e) {
            connectFailed(e);
            return;
        }
        if (acquired.isDone()) {
            acquired(acquired);
        } else {
            acquired.addListener(done -> acquired(acquired));
        }
    }

    /**
     * Wakes the sleeping app off the event loop, then connects as {@link #connect()} does; the owner hears
     * {@code failed} with a 503 page when it cannot be woken. Nothing happens once the exchange is cancelled.
     */
    void wakeThenConnect(AppWakes wakes, Runnable wake) {
        wakes.wake(key.appId(), wake).whenComplete((ok, error) -> client.eventLoop().execute(() -> {
            if (cancelled) {
                return;
            }
            if (error == null) {
                connect();
            } else {
                owner.failed(this, ErrorPage.unavailable(
                        "This app was asleep and could not be woken up. Try again in a moment."));
            }
        }));
    }

    private void acquired(Future<Channel> acquired) {
        if (cancelled) {
            if (acquired.isSuccess()) {
                pool.release(acquired.getNow());
            }
            return;
        }
        if (!acquired.isSuccess()) {
            connectFailed(acquired.cause());
            return;
        }
        upstream = acquired.getNow();
        reused = upstream.pipeline().get(UpstreamHandler.class).attach(this);
        heardBack = false;
        if (requestDone) {
            upstream.write(request, upstream.voidPromise());
            upstream.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, upstream.voidPromise());
        } else if (hasBody) {
            // flushed at once: a client that sent "Expect: 100-continue" waits for the app before sending the body
            upstream.writeAndFlush(request, upstream.voidPromise());
        } else {
            // the request's (empty) end is already held or about to be read, and flushes both
            upstream.write(request, upstream.voidPromise());
        }
        owner.connected(this);
    }

    /**
     * A new connection could not be opened. The pool stays: its other connections are as good as before (one that
     * the app closed is dropped when next taken). An app whose listen queue is full (a burst of new connections,
     * the app's relay slow to accept) is tried again shortly until the connect timeout; an app with two sockets
     * whose socket refused is tried once more (the pool then picks the other one); other failures answer 502.
     */
    private void connectFailed(Throwable cause) {
        long left = connectDeadline - System.nanoTime();
        boolean busy = listenQueueFull(cause);
        if (!busy && !refusedRetried && hasFallback()) {
            // the app's own socket refused (SocketChoice now avoids it): once more, on the relay
            refusedRetried = true;
            connect();
            return;
        }
        if (busy && left > 0) {
            long backoffMillis = Math.min(1L << Math.min(busyRetries, 16), MAX_BACKOFF_MILLIS);
            long delay = Math.min(TimeUnit.MILLISECONDS.toNanos(backoffMillis), left);
            busyRetries++;
            log.debug("App {} port {} is busy (listen queue full); connecting again in {} µs", key.appId(),
                    key.port(), delay / 1000);
            client.eventLoop().schedule(this::connect, delay, TimeUnit.NANOSECONDS);
            return;
        }
        log.debug("App {} port {} is not answering at {}: {}", key.appId(), key.port(), key.endpoint(),
                cause.toString());
        owner.failed(this, ErrorPage.notAnswering());
    }

    private boolean hasFallback() {
        return key.endpoint() instanceof SandboxEndpoint.UnixSocket unix && unix.fallback() != null;
    }

    /**
     * Whether connecting failed with {@code EAGAIN}: a unix socket whose listen queue is full refuses at once
     * rather than letting the connect wait as TCP does. Native transport and JDK alike report it by the C library's
     * message only.
     */
    static boolean listenQueueFull(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Resource temporarily unavailable")) {
                return true;
            }
        }
        return false;
    }

    // ---- client → app

    /** Forwards a piece of the request body (or, in a tunnel, raw bytes) to the app. */
    void sendToApp(Object msg) {
        upstream.write(msg, upstream.voidPromise());
        if (msg instanceof LastHttpContent) {
            requestDone = true;
            upstreamDirty = false;
            upstream.flush();
        } else {
            upstreamDirty = true;
            pauseIfFull(upstream);
        }
    }

    /** The client's read burst is over: what was written to the app goes out. */
    void flushToApp() {
        if (upstreamDirty && upstream != null) {
            upstreamDirty = false;
            upstream.flush();
        }
    }

    // ---- app → client

    void upstreamRead(Channel from, Object msg) {
        if (from != upstream || cancelled) {
            ReferenceCountUtil.release(msg);
            from.close();
            return;
        }
        heardBack = true;
        if (tunnel) {
            if (msg instanceof ByteBuf bytes) {
                client.write(bytes, client.voidPromise());
                clientDirty = true;
                pauseIfFull(client);
            } else {
                ReferenceCountUtil.release(msg);
            }
        } else if (msg instanceof HttpResponse response) {
            onResponse(response);
        } else if (msg instanceof HttpContent content) {
            onResponseContent(content);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    void upstreamReadComplete(Channel from) {
        if (from == upstream && clientDirty) {
            clientDirty = false;
            client.flush();
        }
    }

    private void onResponse(HttpResponse response) {
        int code = response.status().code();
        if (response.decoderResult().isFailure() || (code == 101 && !webSocket)) {
            log.debug("App {} sent an invalid response", key.appId());
            owner.aborted(this, ErrorPage.badResponse());
        } else if (code == 101) {
            responseStarted = true;
            tunnel = true;
            ProxyHeaders.prepareResponse(response, true);
            owner.tunnelOpening();
            client.write(response, client.voidPromise());
            WebSocketTunnel.open(client, upstream);
            client.flush();
            upstream.flush();
            owner.updateReads();
        } else if (code < 200) {
            informational = true;
            ProxyHeaders.prepareResponse(response, false);
            client.write(response, client.voidPromise());
        } else {
            adoptResponse(response);
            client.write(response, client.voidPromise());
            clientDirty = true;
        }
    }

    /**
     * Takes the head of the app's final response: decides whether the upstream connection can be reused and the
     * client's kept, and rewrites the head for the client (hop-by-hop headers out; a body without length becomes
     * chunked for HTTP/1.1 clients and ends with the connection for HTTP/1.0 ones).
     */
    private void adoptResponse(HttpResponse response) {
        responseStarted = true;
        int code = response.status().code();
        boolean bodyAllowed = !requestInfo.head() && code != 204 && code != 304;
        boolean hasLength = HttpUtil.isContentLengthSet(response);
        upstreamReusable = HttpUtil.isKeepAlive(response)
                && (!bodyAllowed || hasLength || HttpUtil.isTransferEncodingChunked(response));
        ProxyHeaders.prepareResponse(response, false);
        if (bodyAllowed && !hasLength) {
            if (requestInfo.http10()) {
                keepAlive = false;
            } else {
                HttpUtil.setTransferEncodingChunked(response, true);
            }
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (requestInfo.http10()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    private void onResponseContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            log.debug("App {} sent an invalid response body", key.appId());
            owner.aborted(this, ErrorPage.badResponse());
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (informational) {
            client.write(content, client.voidPromise());
            if (last) {
                informational = false;
                client.flush();
            }
        } else if (!last) {
            client.write(content, client.voidPromise());
            clientDirty = true;
            pauseIfFull(client);
        } else {
            clientDirty = false;
            ChannelFuture written = client.writeAndFlush(content);
            Channel used = upstream;
            upstream = null;
            if (upstreamReusable && requestDone) {
                pool.release(used);
            } else {
                used.pipeline().get(UpstreamHandler.class).detach();
                used.close();
            }
            owner.finished(this, written, keepAlive && requestDone);
        }
    }

    /** The app's connection closed or failed in the middle of the exchange. */
    void upstreamClosed(Channel from) {
        if (from != upstream || cancelled) {
            return;
        }
        upstream = null;
        if (!tunnel && reused && !retried && !heardBack && !hasBody) {
            log.debug("Pooled connection to app {} was closed by the app; retrying on a new one", key.appId());
            retried = true;
            owner.reconnecting();
            connect();
        } else if (!responseStarted) {
            owner.failed(this, ErrorPage.notAnswering());
        } else {
            owner.closeAfterFlush(this);
        }
    }

    // ---- flow control, ending

    private void pauseIfFull(Channel destination) {
        if (!destination.isWritable()) {
            destination.flush();
            owner.updateReads();
        }
    }

    /** The app's connection can take more, or no more. */
    void appWritabilityChanged() {
        owner.updateReads();
    }

    /** Whether the client should be read, as far as the app's side is concerned. */
    boolean appCanTakeMore() {
        return upstream != null && upstream.isWritable();
    }

    /** Lets the app's side read only while the client can take more. */
    void updateUpstreamRead() {
        if (upstream != null) {
            upstream.config().setAutoRead(client.isWritable());
        }
    }

    /** Abandons the exchange: the upstream connection, if any, is closed rather than pooled. Idempotent. */
    void cancel() {
        cancelled = true;
        Channel used = upstream;
        if (used != null) {
            upstream = null;
            UpstreamHandler handler = used.pipeline().get(UpstreamHandler.class);
            if (handler != null) {
                handler.detach();
            }
            used.close();
        }
    }
}
