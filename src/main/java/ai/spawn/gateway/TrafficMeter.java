package ai.spawn.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * First handler of a client connection: counts the bytes on the wire and hands them to the connection's
 * {@link ConnectionMeter}, which knows the app they belong to, and tells the connection when nothing has moved
 * either way for {@code idleMillis} (an {@link IdleStateEvent#ALL_IDLE_STATE_EVENT}, repeated for as long as the
 * connection stays silent). Confined to the connection's event loop.
 *
 * <p>Idleness is watched here rather than with Netty's {@code IdleStateHandler}: with an all-idle timeout that
 * handler turns every write's void promise into a real one with a listener and reads the clock on every read (a
 * small gain per request, of the size of the machine's noise: {@code bench/gateway/ab.sh}). Here a read or write
 * only bumps a counter, and a
 * check every quarter of the timeout fires once four checks in a row saw no change: the connection has then been
 * silent for between one and one and a quarter timeouts.
 */
final class TrafficMeter extends ChannelDuplexHandler {

    private static final int CHECKS_PER_TIMEOUT = 4;

    private final ConnectionMeter meter;
    private final long idleMillis;
    private long activity;
    private long activitySeen;
    private int quietChecks;
    private ScheduledFuture<?> watch;

    /** {@code idleMillis}: how long a silent connection lasts before it hears of it; {@code 0} watches nothing. */
    TrafficMeter(ConnectionMeter meter, long idleMillis) {
        this.meter = meter;
        this.idleMillis = idleMillis;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (idleMillis > 0 && watch == null) {
            long period = Math.max(1, idleMillis / CHECKS_PER_TIMEOUT);
            watch = ctx.executor().scheduleAtFixedRate(() -> check(ctx), period, period, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopWatching();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stopWatching();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        activity++;
        if (msg instanceof ByteBuf buf) {
            meter.countIn(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        activity++;
        if (msg instanceof ByteBuf buf) {
            meter.countOut(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }

    private void check(ChannelHandlerContext ctx) {
        if (activity != activitySeen) {
            activitySeen = activity;
            quietChecks = 0;
        } else if (++quietChecks >= CHECKS_PER_TIMEOUT) {
            quietChecks = 0;
            ctx.fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        }
    }

    private void stopWatching() {
        if (watch != null) {
            watch.cancel(false);
            watch = null;
        }
    }
}
