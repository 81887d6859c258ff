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
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of one client connection: routes each request by its host ({@link RequestRouter}) and hands
 * it to an {@link Exchange} that forwards it to the app, or answers with an {@link ErrorPage} itself.
 *
 * <p>Flow control: the client is read only while the app's connection can take more, so no body is ever held
 * whole. What the client sends while it cannot be forwarded yet (while connecting to the app; a pipelined request
 * while a response is under way) waits in {@link HeldMessages}, and reading stops only once that is full: with
 * epoll every {@code autoRead} flip is a system call, so flips are kept for real backpressure. Confined to the
 * connection's event loop.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ClientHandler.class);
    /** How long a connection closed by the gateway still swallows what the client sends, so it reads our answer. */
    private static final long LINGER_MILLIS = 2_000;

    private enum State { IDLE, CONNECTING, PROXYING, DISCARDING, TUNNEL, LINGERING, CLOSED }

    private final ProxyContext context;
    private final ConnectionMeter meter;
    private final long maxBody;
    private final HeldMessages held = new HeldMessages();
    private final HeadWatch headWatch;
    private Channel client;
    private State state = State.IDLE;
    private RequestInfo request = RequestInfo.NONE;
    private Exchange exchange;
    private long bodyBytes;
    private boolean draining;
    private ErrorPage pendingPage;
    private boolean pendingClose;

    ClientHandler(ProxyContext context, ConnectionMeter meter) {
        this.context = context;
        this.meter = meter;
        this.maxBody = context.properties().maxBody().toBytes();
        this.headWatch = new HeadWatch(meter, context.properties().headTimeout().toMillis(),
                context.properties().keepAliveTimeout().toMillis());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        headWatch.start(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        client = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!held.isEmpty() || waiting()) {
            held.add(msg);
            if (held.full()) {
                client.config().setAutoRead(false);
            }
        } else {
            handle(msg);
        }
    }

    /** Whether client messages must wait: the app is being connected to, or the request is in and answered next. */
    private boolean waiting() {
        return state == State.CONNECTING || (state == State.PROXYING && exchange.requestDone());
    }

    /** Handles held messages for as long as they need not wait, then reads on. */
    private void resume() {
        if (!draining) {
            draining = true;
            try {
                while (!held.isEmpty() && !waiting()) {
                    handle(held.poll());
                }
            } finally {
                draining = false;
            }
        }
        updateReads();
    }

    private void handle(Object msg) {
        switch (state) {
            case IDLE -> {
                if (msg instanceof HttpRequest httpRequest) {
                    headWatch.headReceived();
                    onRequest(httpRequest);
                }
                ReferenceCountUtil.release(msg);
            }
            case PROXYING -> {
                if (msg instanceof HttpContent content) {
                    onRequestContent(content);
                } else {
                    ReferenceCountUtil.release(msg);
                }
            }
            case DISCARDING -> discard(msg);
            case TUNNEL -> {
                if (msg instanceof ByteBuf) {
                    exchange.sendToApp(msg);
                } else {
                    ReferenceCountUtil.release(msg);
                }
            }
            default -> ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.flushToApp();
        }
    }

    private void onRequest(HttpRequest httpRequest) {
        String host = RequestRouter.hostOf(httpRequest);
        request = RequestInfo.of(httpRequest, host);
        RequestRouter.Decision decision = context.router().route(httpRequest, host);
        if (decision instanceof RequestRouter.Forward forward) {
            forward(httpRequest, forward.target(), forward.route());
            return;
        }
        RequestRouter.Answer answer = (RequestRouter.Answer) decision;
        meter.detach();
        if (answer.readBody()) {
            answerAfterBody(answer.page(), false);
        } else {
            closeWith(answer.page());
        }
    }

    private void forward(HttpRequest httpRequest, AppHost target, Route.Live live) {
        switch (meter.attach(target)) {
            case APP_FULL -> {
                answerAfterBody(ErrorPage.tooManyConnections(), true);
                return;
            }
            case CLIENT_FULL -> {
                answerAfterBody(ErrorPage.tooManyConnectionsFromYou(), true);
                return;
            }
            case ADMITTED -> { }
        }
        if (HttpUtil.getContentLength(httpRequest, -1L) > maxBody) {
            closeWith(ErrorPage.tooLarge(context.properties().maxBody()));
            return;
        }
        meter.request(target.port());
        boolean webSocket = ProxyHeaders.isWebSocketUpgrade(httpRequest);
        boolean hasBody = HttpUtil.isTransferEncodingChunked(httpRequest)
                || HttpUtil.getContentLength(httpRequest, 0L) > 0;
        ProxyHeaders.prepareRequest(httpRequest, webSocket, ((InetSocketAddress) client.remoteAddress()).getAddress(),
                request.host(), context.properties().scheme());
        httpRequest.setProtocolVersion(HttpVersion.HTTP_1_1);
        UpstreamPools.Key key = new UpstreamPools.Key(client.eventLoop(), target.appId(), target.port(),
                live.endpoint());
        exchange = new Exchange(key, this, client, context.pools(), httpRequest, request, webSocket, hasBody);
        bodyBytes = 0;
        state = State.CONNECTING;
        if (live.wake() == null) {
            exchange.connect();
        } else {
            exchange.wakeThenConnect(context.wakes(), live.wake());
        }
    }

    private void onRequestContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            aborted(exchange, RequestRouter.decodeFailure(content.decoderResult().cause()));
            return;
        }
        bodyBytes += content.content().readableBytes();
        if (bodyBytes > maxBody) {
            content.release();
            aborted(exchange, ErrorPage.tooLarge(context.properties().maxBody()));
            return;
        }
        exchange.sendToApp(content);
    }

    // ---- what the exchange reports

    /** The app's connection is ready and the request head is on its way. */
    void connected(Exchange ex) {
        if (exchange == ex) {
            state = State.PROXYING;
            resume();
        }
    }

    /** A pooled connection was found closed; the exchange connects again. */
    void reconnecting() {
        state = State.CONNECTING;
    }

    /** The app could not be reached and nothing was sent to the client yet: the client gets {@code page}. */
    void failed(Exchange ex, ErrorPage page) {
        if (exchange != ex) {
            return;
        }
        exchange = null;
        if (ex.requestDone()) {
            sendPage(page, false);
        } else {
            answerAfterBody(page, false);
        }
    }

    /**
     * The exchange cannot go on: an error page if the response has not begun, else the connection closes once what
     * was relayed so far is out (the client sees the response cut short).
     */
    void aborted(Exchange ex, ErrorPage page) {
        exchange = null;
        ex.cancel();
        if (ex.responseStarted()) {
            state = State.CLOSED;
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            closeWith(page);
        }
    }

    /** The response is written; the client's connection is kept for the next request if {@code keepClient}. */
    void finished(Exchange ex, ChannelFuture written, boolean keepClient) {
        exchange = null;
        if (!ex.requestDone()) {
            // the app answered before the body was in; the rest of it is not worth reading
            linger(written);
        } else if (keepClient) {
            state = State.IDLE;
            headWatch.awaitNext();
            resume();
        } else {
            state = State.CLOSED;
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The app accepted a WebSocket: from now on bytes flow both ways unchanged. */
    void tunnelOpening() {
        state = State.TUNNEL;
        // a client speaks WebSocket only after the 101; anything decoded as HTTP before is not worth keeping
        held.releaseAll();
    }

    /** The app's side ended after the response began (or the tunnel closed): the client's connection ends too. */
    void closeAfterFlush(Exchange ex) {
        if (exchange == ex) {
            exchange = null;
            state = State.CLOSED;
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    // ---- answering without the app

    /**
     * Answers with {@code page} once the request body has been read and dropped, so the connection can stay open
     * (unless {@code close}); a body beyond the limit closes it instead.
     */
    private void answerAfterBody(ErrorPage page, boolean close) {
        state = State.DISCARDING;
        pendingPage = page;
        pendingClose = close;
        bodyBytes = 0;
        resume();
    }

    private void discard(Object msg) {
        if (!(msg instanceof HttpContent content)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        bodyBytes += content.content().readableBytes();
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last) {
            sendPage(pendingPage, pendingClose);
        } else if (bodyBytes > maxBody) {
            closeWith(pendingPage);
        }
    }

    private void sendPage(ErrorPage page, boolean close) {
        pendingPage = null;
        boolean keepAlive = !close && request.keepAlive();
        FullHttpResponse response = page.render(request.html(), request.head(), keepAlive);
        if (keepAlive && request.http10()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ChannelFuture written = client.writeAndFlush(response);
        meter.answeredByGateway();
        if (keepAlive) {
            state = State.IDLE;
            headWatch.awaitNext();
            resume();
        } else {
            state = State.CLOSED;
            held.releaseAll();
            client.config().setAutoRead(false);
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Answers with {@code page} and closes, without reading the rest of the request. */
    private void closeWith(ErrorPage page) {
        pendingPage = null;
        meter.answeredByGateway();
        linger(client.writeAndFlush(page.render(request.html(), request.head(), false)));
    }

    /** Closes the connection after {@code written}, first half-closing it and swallowing input for a moment. */
    private void linger(ChannelFuture written) {
        state = State.LINGERING;
        held.releaseAll();
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

    // ---- flow control, lifecycle

    /** The client is read only while the app's side can take more (or while there is room to hold), and back. */
    void updateReads() {
        Exchange ex = exchange;
        boolean readClient = switch (state) {
            case IDLE, DISCARDING, LINGERING -> true;
            case CONNECTING -> !held.full();
            case PROXYING -> ex.requestDone() ? !held.full() : ex.appCanTakeMore();
            case TUNNEL -> ex != null && ex.appCanTakeMore();
            case CLOSED -> false;
        };
        client.config().setAutoRead(readClient);
        if (ex != null) {
            ex.updateUpstreamRead();
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
            if (state == State.PROXYING && !ex.responseStarted()) {
                exchange = null;
                ex.cancel();
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
        headWatch.stop();
        held.releaseAll();
        Exchange ex = exchange;
        exchange = null;
        if (ex != null) {
            ex.cancel();
        }
        meter.detach();
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
}
