package ai.spawn.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * First handler of a client connection: counts the bytes on the wire and hands them to the connection's
 * {@link ConnectionMeter}, which knows the app they belong to. Confined to the connection's event loop.
 */
final class TrafficMeter extends ChannelDuplexHandler {

    private final ConnectionMeter meter;

    TrafficMeter(ConnectionMeter meter) {
        this.meter = meter;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            meter.countIn(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            meter.countOut(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
