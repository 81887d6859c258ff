package ai.spawn.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * First handler of a client connection: counts the bytes on the wire and reports them to the connection's
 * {@link ClientHandler}, which knows the app they belong to. Confined to the connection's event loop.
 */
final class TrafficMeter extends ChannelDuplexHandler {

    private final ClientHandler client;

    TrafficMeter(ClientHandler client) {
        this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            client.countIn(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            client.countOut(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
