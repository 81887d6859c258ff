package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client connection's idle watch, on a channel whose clock the test moves. */
class TrafficMeterTest {

    private static final long IDLE_MILLIS = 400;

    private final List<Object> events = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new TrafficMeter(new ConnectionMeter(new AppConnections(GatewayTrafficListener.NONE, 10, 10), null, null),
                    IDLE_MILLIS),
            new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    events.add(evt);
                }

                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ReferenceCountUtil.release(msg);
                }
            });

    @Test
    void aSilentConnectionHearsOfItAfterTheTimeoutAndAgainAfterEachFurtherTimeout() {
        passMillis(IDLE_MILLIS - 100);
        assertThat(events).isEmpty();
        passMillis(100);
        assertThat(events).containsExactly(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        passMillis(IDLE_MILLIS);
        assertThat(events).hasSize(2);
    }

    @Test
    void trafficEitherWayPutsItOff() {
        passMillis(IDLE_MILLIS - 100);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
        passMillis(IDLE_MILLIS - 100);
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {2}));
        passMillis(IDLE_MILLIS - 100);
        assertThat(events).isEmpty();
        passMillis(IDLE_MILLIS);
        assertThat(events).containsExactly(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    }

    @Test
    void aConnectionThatWentInactiveIsNoLongerWatched() {
        // as the channel's closing would, but closing an EmbeddedChannel also cancels its scheduled tasks
        channel.pipeline().fireChannelInactive();
        passMillis(3 * IDLE_MILLIS);
        assertThat(events).isEmpty();
    }

    /** Moves the channel's clock in steps of an eighth of the timeout, running what falls due. */
    private void passMillis(long millis) {
        for (long step = IDLE_MILLIS / 8, passed = 0; passed < millis; passed += step) {
            channel.advanceTimeBy(step, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
    }
}
