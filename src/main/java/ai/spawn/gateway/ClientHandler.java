package ai.spawn.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of one client connection: routes each request by its host, streams it to the app over a
 * pooled upstream connection and streams the answer back, or answers with an {@link ErrorPage}. After a WebSocket
 * handshake both connections become a raw byte relay.
 *
 * <p>Flow control: a side reads only while the other side can take more ({@code autoRead} follows the other
 * channel's writability), so no body is ever held whole. A {@link FlowControlHandler} in front of this handler
 * makes "not reading" exact: while connecting, and after a complete request until its response is done, messages
 * the decoder already produced wait there. Confined to the connection's event loop.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ClientHandler.class);
    /** How long a connection closed by the gateway still swallows what the client sends, so it reads our answer. */
    private static final long LINGER_MILLIS = 2_000;

    private enum State { IDLE, CONNECTING, PROXYING, DISCARDING, TUNNEL, LINGERING, CLOSED }

    /** What the gateway remembers of the client's current request to answer it itself. */
    private record RequestInfo(String host, boolean html, boolean head, boolean http10, boolean keepAlive) {
    }

    private final ProxyContext context;
    private final long maxBody;
    private Channel client;
    private State state = State.IDLE;
    private RequestInfo request = new RequestInfo(null, false, false, false, false);
    private Exchange exchange;
    private AppConnections.App app;
    private long unattributedIn;
    private ErrorPage pendingPage;
    private boolean pendingClose;
    private long discarded;

    ClientHandler(ProxyContext context) {
        this.context = context;
        this.maxBody = context.properties().maxBody().toBytes();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        client = ctx.channel();
    }

    // ---- client → gateway

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (state) {
            case IDLE -> {
                if (msg instanceof HttpRequest httpRequest) {
                    onRequest(httpRequest);
                }
                ReferenceCountUtil.release(msg);
            }
            case PROXYING -> {
                if (msg instanceof HttpContent content) {
                    onRequestContent(exchange, content);
                } else {
                    ReferenceCountUtil.release(msg);
                }
            }
            case DISCARDING -> discard(msg);
            case TUNNEL -> {
                if (msg instanceof ByteBuf bytes) {
                    exchange.upstream.write(bytes, exchange.upstream.voidPromise());
                    exchange.upstreamDirty = true;
                    pauseIfFull(exchange.upstream);
                } else {
                    ReferenceCountUtil.release(msg);
                }
            }
            default -> ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Exchange ex = exchange;
        if (ex != null && ex.upstream != null && ex.upstreamDirty) {
            ex.upstreamDirty = false;
            ex.upstream.flush();
        }
    }

    private void onRequest(HttpRequest httpRequest) {
        String host = hostOf(httpRequest);
        request = new RequestInfo(host, wantsHtml(httpRequest), HttpMethod.HEAD.equals(httpRequest.method()),
                HttpVersion.HTTP_1_0.equals(httpRequest.protocolVersion()), HttpUtil.isKeepAlive(httpRequest));
        if (httpRequest.decoderResult().isFailure()) {
            closeWith(decodeFailure(httpRequest.decoderResult().cause()));
            return;
        }
        if (HttpMethod.CONNECT.equals(httpRequest.method())) {
            closeWith(ErrorPage.badRequest(HttpResponseStatus.METHOD_NOT_ALLOWED, "CONNECT is not supported."));
            return;
        }
        AppHost target = AppHost.parse(host, context.properties().domain()).orElse(null);
        if (target == null) {
            detachApp();
            answerAfterBody(ErrorPage.noApp(host), false);
            return;
        }
        Route route = resolve(target);
        if (route instanceof Route.Live live) {
            forward(httpRequest, target, live);
            return;
        }
        detachApp();
        if (route instanceof Route.Gone gone) {
            context.pools().evictIf(key -> key.appId().equals(target.appId()));
            answerAfterBody(ErrorPage.gone(gone.message()), false);
        } else if (route instanceof Route.Unavailable unavailable) {
            answerAfterBody(ErrorPage.unavailable(unavailable.message()), false);
        } else {
            answerAfterBody(ErrorPage.noApp(host), false);
        }
    }

    private void forward(HttpRequest httpRequest, AppHost target, Route.Live live) {
        if (!attachApp(target)) {
            answerAfterBody(ErrorPage.tooManyConnections(), true);
            return;
        }
        if (HttpUtil.getContentLength(httpRequest, -1L) > maxBody) {
            closeWith(ErrorPage.tooLarge(context.properties().maxBody()));
            return;
        }
        context.apps().request(app, target.port());
        boolean webSocket = ProxyHeaders.isWebSocketUpgrade(httpRequest);
        boolean hasBody = HttpUtil.isTransferEncodingChunked(httpRequest) || HttpUtil.getContentLength(httpRequest, 0L) > 0;
        ProxyHeaders.prepareRequest(httpRequest, webSocket, ((InetSocketAddress) client.remoteAddress()).getAddress(),
                request.host(), context.properties().scheme());
        httpRequest.setProtocolVersion(HttpVersion.HTTP_1_1);
        UpstreamPools.Key key = new UpstreamPools.Key(client.eventLoop(), target.appId(), target.port(), live.endpoint());
        exchange = new Exchange(key, httpRequest, webSocket, hasBody, request.keepAlive());
        connect(exchange);
    }

    private void onRequestContent(Exchange ex, HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            abort(ex, decodeFailure(content.decoderResult().cause()));
            return;
        }
        ex.bodyBytes += content.content().readableBytes();
        if (ex.bodyBytes > maxBody) {
            content.release();
            abort(ex, ErrorPage.tooLarge(context.properties().maxBody()));
            return;
        }
        Channel upstream = ex.upstream;
        upstream.write(content, upstream.voidPromise());
        if (content instanceof LastHttpContent) {
            ex.requestDone = true;
            ex.upstreamDirty = false;
            upstream.flush();
            updateReads();
        } else {
            ex.upstreamDirty = true;
            pauseIfFull(upstream);
        }
    }

    // ---- gateway → app connection

    private void connect(Exchange ex) {
        state = State.CONNECTING;
        client.config().setAutoRead(false);
        Future<Channel> acquired;
        try {
            ex.pool = context.pools().get(ex.key);
            acquired = ex.pool.acquire();
        } catch (RuntimeException e) {
            onConnectFailed(ex, e);
            return;
        }
        if (acquired.isDone()) {
            onAcquired(ex, acquired);
        } else {
            acquired.addListener(done -> onAcquired(ex, acquired));
        }
    }

    private void onAcquired(Exchange ex, Future<Channel> acquired) {
        if (exchange != ex || state != State.CONNECTING) {
            if (acquired.isSuccess()) {
                ex.pool.release(acquired.getNow());
            }
            return;
        }
        if (!acquired.isSuccess()) {
            onConnectFailed(ex, acquired.cause());
            return;
        }
        Channel upstream = acquired.getNow();
        ex.reused = upstream.pipeline().get(UpstreamHandler.class).attach(this);
        ex.upstream = upstream;
        ex.heardBack = false;
        state = State.PROXYING;
        if (ex.requestDone) {
            upstream.write(ex.request, upstream.voidPromise());
            upstream.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, upstream.voidPromise());
        } else if (ex.hasBody) {
            // flushed at once: a client that sent "Expect: 100-continue" waits for the app before sending the body
            upstream.writeAndFlush(ex.request, upstream.voidPromise());
        } else {
            // the request's (empty) end is already waiting in the FlowControlHandler and flushes both
            upstream.write(ex.request, upstream.voidPromise());
        }
        updateReads();
    }

    private void onConnectFailed(Exchange ex, Throwable cause) {
        log.debug("App {} port {} is not answering at {}: {}", ex.key.appId(), ex.key.port(), ex.key.endpoint(),
                cause.toString());
        context.pools().evict(ex.key);
        exchange = null;
        answer(ex, ErrorPage.notAnswering());
    }

    // ---- app → gateway → client

    void upstreamRead(Channel upstream, Object msg) {
        Exchange ex = exchange;
        if (ex == null || ex.upstream != upstream) {
            ReferenceCountUtil.release(msg);
            upstream.close();
            return;
        }
        ex.heardBack = true;
        if (state == State.TUNNEL) {
            if (msg instanceof ByteBuf bytes) {
                client.write(bytes, client.voidPromise());
                ex.clientDirty = true;
                pauseIfFull(client);
            } else {
                ReferenceCountUtil.release(msg);
            }
        } else if (msg instanceof HttpResponse response) {
            onResponse(ex, response);
        } else if (msg instanceof HttpContent content) {
            onResponseContent(ex, content);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    void upstreamReadComplete(Channel upstream) {
        Exchange ex = exchange;
        if (ex != null && ex.upstream == upstream && ex.clientDirty) {
            ex.clientDirty = false;
            client.flush();
        }
    }

    private void onResponse(Exchange ex, HttpResponse response) {
        int code = response.status().code();
        if (response.decoderResult().isFailure() || (code == 101 && !ex.webSocket)) {
            failUpstream(ex, ErrorPage.badResponse());
            return;
        }
        if (code == 101) {
            openTunnel(ex, response);
            return;
        }
        if (code < 200) {
            ex.informational = true;
            ProxyHeaders.prepareResponse(response, false);
            client.write(response, client.voidPromise());
            return;
        }
        ex.responseStarted = true;
        boolean bodyAllowed = !request.head() && code != 204 && code != 304;
        boolean hasLength = HttpUtil.isContentLengthSet(response);
        ex.upstreamReusable = HttpUtil.isKeepAlive(response)
                && (!bodyAllowed || hasLength || HttpUtil.isTransferEncodingChunked(response));
        ProxyHeaders.prepareResponse(response, false);
        if (bodyAllowed && !hasLength) {
            if (request.http10()) {
                ex.keepAlive = false;
            } else {
                HttpUtil.setTransferEncodingChunked(response, true);
            }
        }
        if (!ex.keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.http10()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        client.write(response, client.voidPromise());
        ex.clientDirty = true;
    }

    private void onResponseContent(Exchange ex, HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            failUpstream(ex, ErrorPage.badResponse());
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (ex.informational) {
            client.write(content, client.voidPromise());
            if (last) {
                ex.informational = false;
                client.flush();
            }
        } else if (!last) {
            client.write(content, client.voidPromise());
            ex.clientDirty = true;
            pauseIfFull(client);
        } else {
            ex.clientDirty = false;
            finish(ex, client.writeAndFlush(content));
        }
    }

    /** The response is complete: the upstream connection goes back to the pool, the client may send the next. */
    private void finish(Exchange ex, ChannelFuture written) {
        exchange = null;
        Channel upstream = ex.upstream;
        if (ex.upstreamReusable && ex.requestDone) {
            ex.pool.release(upstream);
        } else {
            upstream.pipeline().get(UpstreamHandler.class).detach();
            upstream.close();
        }
        if (!ex.requestDone) {
            // the app answered before the body was in; the rest of it is not worth reading
            linger(written);
        } else if (ex.keepAlive) {
            state = State.IDLE;
            updateReads();
        } else {
            state = State.CLOSED;
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The app's connection closed or failed in the middle of an exchange. */
    void upstreamClosed(Channel upstream) {
        Exchange ex = exchange;
        if (ex == null || ex.upstream != upstream) {
            return;
        }
        ex.upstream = null;
        if (state == State.TUNNEL) {
            exchange = null;
            state = State.CLOSED;
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else if (ex.retryable()) {
            log.debug("Pooled connection to app {} was closed by the app; retrying on a new one", ex.key.appId());
            ex.retried = true;
            connect(ex);
        } else if (!ex.responseStarted) {
            exchange = null;
            answer(ex, ErrorPage.notAnswering());
        } else {
            exchange = null;
            state = State.CLOSED;
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void failUpstream(Exchange ex, ErrorPage page) {
        log.debug("App {} sent an invalid response", ex.key.appId());
        abort(ex, page);
    }

    private void openTunnel(Exchange ex, HttpResponse response) {
        ex.responseStarted = true;
        ProxyHeaders.prepareResponse(response, true);
        state = State.TUNNEL;
        client.write(response, client.voidPromise());
        Channel upstream = ex.upstream;
        HttpClientCodec codec = upstream.pipeline().get(HttpClientCodec.class);
        codec.prepareUpgradeFrom(upstream.pipeline().context(codec));
        // order matters: bytes the codecs still hold are relayed as they are removed, so each side's encoder must
        // already pass raw bytes through (upstream) or be gone (client) when the other side's leftovers arrive
        client.pipeline().remove(FlowControlHandler.class);
        client.pipeline().remove(HttpServerCodec.class);
        upstream.pipeline().remove(codec);
        client.flush();
        upstream.flush();
        updateReads();
    }

    // ---- answering without the app

    /** Answers a request that could not be forwarded, now or once its body has been read. */
    private void answer(Exchange ex, ErrorPage page) {
        if (ex.requestDone) {
            sendPage(page, false);
        } else {
            answerAfterBody(page, false);
        }
    }

    /**
     * Answers with {@code page} once the request body has been read and dropped, so the connection can stay open
     * (unless {@code close}); a body beyond the limit closes it instead.
     */
    private void answerAfterBody(ErrorPage page, boolean close) {
        state = State.DISCARDING;
        pendingPage = page;
        pendingClose = close;
        discarded = 0;
        updateReads();
    }

    private void discard(Object msg) {
        if (!(msg instanceof HttpContent content)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        discarded += content.content().readableBytes();
        boolean last = content instanceof LastHttpContent;
        content.release();
        ErrorPage page = pendingPage;
        if (last) {
            pendingPage = null;
            sendPage(page, pendingClose);
        } else if (discarded > maxBody) {
            pendingPage = null;
            closeWith(page);
        }
    }

    private void sendPage(ErrorPage page, boolean close) {
        boolean keepAlive = !close && request.keepAlive();
        FullHttpResponse response = page.render(request.html(), request.head(), keepAlive);
        if (keepAlive && request.http10()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ChannelFuture written = client.writeAndFlush(response);
        if (app == null) {
            unattributedIn = 0;
        }
        if (keepAlive) {
            state = State.IDLE;
            updateReads();
        } else {
            state = State.CLOSED;
            client.config().setAutoRead(false);
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Answers with {@code page} and closes, without reading the rest of the request. */
    private void closeWith(ErrorPage page) {
        linger(client.writeAndFlush(page.render(request.html(), request.head(), false)));
    }

    /** Closes the connection after {@code written}, first half-closing it and swallowing input for a moment. */
    private void linger(ChannelFuture written) {
        state = State.LINGERING;
        client.config().setAutoRead(true);
        written.addListener(done -> {
            if (done.isSuccess() && client instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            } else {
                client.close();
            }
        });
        client.eventLoop().schedule(() -> client.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Ends the exchange because of the client's request: 4xx if the response has not begun, else just close. */
    private void abort(Exchange ex, ErrorPage page) {
        exchange = null;
        closeUpstream(ex);
        if (ex.responseStarted) {
            state = State.CLOSED;
            client.close();
        } else {
            closeWith(page);
        }
    }

    private static ErrorPage decodeFailure(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return ErrorPage.badRequest(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is too long.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return ErrorPage.badRequest(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The headers are too large.");
        }
        return ErrorPage.badRequest(HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP/1.1.");
    }

    // ---- flow control, lifecycle

    /** Flushes {@code destination} and stops reading the other side once it cannot take more. */
    private void pauseIfFull(Channel destination) {
        if (!destination.isWritable()) {
            destination.flush();
            updateReads();
        }
    }

    /** Each side reads only while the other can take more, and the client only when a request may come. */
    void updateReads() {
        Exchange ex = exchange;
        Channel upstream = ex == null ? null : ex.upstream;
        boolean readClient = switch (state) {
            case IDLE, DISCARDING, LINGERING -> true;
            case PROXYING -> !ex.requestDone && upstream.isWritable();
            case TUNNEL -> upstream != null && upstream.isWritable();
            case CONNECTING, CLOSED -> false;
        };
        client.config().setAutoRead(readClient);
        if (upstream != null) {
            upstream.config().setAutoRead(client.isWritable());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReads();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            Exchange ex = exchange;
            if (state == State.PROXYING && ex != null && !ex.responseStarted) {
                exchange = null;
                closeUpstream(ex);
                closeWith(ErrorPage.timedOut());
            } else {
                ctx.close();
            }
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        Exchange ex = exchange;
        exchange = null;
        if (ex != null) {
            closeUpstream(ex);
        }
        detachApp();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("Client connection {} failed: {}", ctx.channel(), cause.toString());
        } else {
            log.warn("Client connection {} failed", ctx.channel(), cause);
        }
        ctx.close();
    }

    private static void closeUpstream(Exchange ex) {
        Channel upstream = ex.upstream;
        if (upstream != null) {
            ex.upstream = null;
            UpstreamHandler handler = upstream.pipeline().get(UpstreamHandler.class);
            if (handler != null) {
                handler.detach();
            }
            upstream.close();
        }
    }

    // ---- routing and metering

    private Route resolve(AppHost target) {
        try {
            Route route = context.resolver().resolve(target.appId(), target.port());
            return route == null ? new Route.Unknown() : route;
        } catch (RuntimeException e) {
            log.warn("Route resolver failed for app {} port {}", target.appId(), target.port(), e);
            return new Route.Unavailable(target.appId(), "The gateway could not look this app up. Try again soon.");
        }
    }

    private boolean attachApp(AppHost target) {
        if (app != null && app.id.equals(target.appId())) {
            return true;
        }
        detachApp();
        app = context.apps().attach(target.appId(), target.port(), client);
        if (app == null) {
            return false;
        }
        if (unattributedIn > 0) {
            context.apps().bytes(app, unattributedIn, 0);
            unattributedIn = 0;
        }
        return true;
    }

    private void detachApp() {
        if (app != null) {
            context.apps().detach(app, client);
            app = null;
        }
    }

    void countIn(long bytes) {
        if (app != null) {
            context.apps().bytes(app, bytes, 0);
        } else {
            unattributedIn += bytes;
        }
    }

    void countOut(long bytes) {
        if (app != null) {
            context.apps().bytes(app, 0, bytes);
        }
    }

    /** The request's host: the authority of an absolute-form target (which then becomes origin-form), else Host. */
    private static String hostOf(HttpRequest httpRequest) {
        String uri = httpRequest.uri();
        if (uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                URI parsed = new URI(uri);
                String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
                httpRequest.setUri(parsed.getRawQuery() == null ? path : path + "?" + parsed.getRawQuery());
                httpRequest.headers().set(HttpHeaderNames.HOST, parsed.getRawAuthority());
                return parsed.getRawAuthority();
            } catch (URISyntaxException e) {
                return null;
            }
        }
        List<String> hosts = httpRequest.headers().getAll(HttpHeaderNames.HOST);
        return hosts.size() == 1 ? hosts.get(0) : null;
    }

    private static boolean wantsHtml(HttpRequest httpRequest) {
        String accept = httpRequest.headers().get(HttpHeaderNames.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }
}
