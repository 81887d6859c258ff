package ai.spawn.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection to an app: hands what the app sends to the {@link Exchange} currently using
 * the connection. A pooled connection has no owner; the app sending anything then, or the connection staying idle,
 * closes it. Confined to the connection's event loop.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(UpstreamHandler.class);

    private Exchange owner;
    private int exchanges;

    /** Gives the connection to {@code client}; true when it has carried an exchange before (it came from the pool). */
    boolean attach(Exchange exchange) {
        owner = exchange;
        return exchanges++ > 0;
    }

    void detach() {
        owner = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = owner;
        if (exchange == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
        } else {
            exchange.upstreamRead(ctx.channel(), msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Exchange exchange = owner;
        if (exchange != null) {
            exchange.upstreamReadComplete(ctx.channel());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Exchange exchange = owner;
        if (exchange != null) {
            exchange.appWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange exchange = owner;
        owner = null;
        if (exchange != null) {
            exchange.upstreamClosed(ctx.channel());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && owner == null) {
            ctx.close();
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Connection to app failed: {}", ctx.channel(), cause);
        ctx.close();
    }
}
