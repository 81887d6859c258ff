package ai.spawn.gateway;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a client connection that is slow to send a request head: a new connection must deliver a complete head
 * within the head timeout; a kept-alive one may wait for up to the keep-alive timeout for its next request, but once
 * its first bytes have arrived the head must be complete within the head timeout too. Against slowloris clients
 * that hold connections open by sending a head a byte at a time.
 *
 * <p>Like {@link TrafficMeter}'s idle watch, it checks on a timer (four times per the shorter timeout) instead of
 * scheduling a task per request, so a request costs a few field writes. A head therefore gets one head timeout from
 * accept, and from its first byte on a kept-alive connection one head timeout plus up to one check period (bytes
 * are seen at the next check); an idle kept-alive connection lasts up to one period beyond the keep-alive timeout.
 * Confined to the connection's event loop.
 */
final class HeadWatch {

    private static final int CHECKS_PER_TIMEOUT = 4;

    private final ConnectionMeter meter;
    private final long periodMillis;
    private final long headChecks;
    private final long keepAliveChecks;
    private ScheduledFuture<?> timer;
    private boolean waiting;
    private boolean headBegun;
    private long checks;
    private long waitStart;
    private long readsAtWaitStart;

    /** {@code headMillis}, {@code keepAliveMillis}: the timeouts; a head timeout of {@code 0} watches nothing. */
    HeadWatch(ConnectionMeter meter, long headMillis, long keepAliveMillis) {
        this.meter = meter;
        this.periodMillis = headMillis > 0
                ? Math.max(1, Math.min(headMillis, keepAliveMillis) / CHECKS_PER_TIMEOUT) : 0;
        this.headChecks = checksIn(headMillis);
        this.keepAliveChecks = checksIn(keepAliveMillis);
    }

    private long checksIn(long millis) {
        return periodMillis > 0 ? Math.max(1, (millis + periodMillis - 1) / periodMillis) : 0;
    }

    /** The connection is open and no byte has been read: the first head is due within the head timeout. */
    void start(Channel client) {
        if (periodMillis > 0 && timer == null) {
            timer = client.eventLoop().scheduleAtFixedRate(() -> check(client), periodMillis, periodMillis,
                    TimeUnit.MILLISECONDS);
        }
        await(true);
    }

    /** A response is done and the connection is kept: the next request may come within the keep-alive timeout. */
    void awaitNext() {
        await(false);
    }

    /** A complete head has been read. */
    void headReceived() {
        waiting = false;
    }

    void stop() {
        waiting = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void await(boolean begun) {
        waiting = true;
        headBegun = begun;
        waitStart = checks;
        readsAtWaitStart = meter.reads();
    }

    private void check(Channel client) {
        checks++;
        if (!waiting) {
            return;
        }
        if (!headBegun) {
            if (meter.reads() != readsAtWaitStart) {
                headBegun = true;
                waitStart = checks; // the bytes came within the last period
            } else if (checks - waitStart > keepAliveChecks) {
                client.close();
            }
            return;
        }
        if (checks - waitStart >= headChecks) {
            client.close();
        }
    }
}
