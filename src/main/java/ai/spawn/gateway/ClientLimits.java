package ai.spawn.gateway;

import ai.spawn.AddressCounts;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caps on client connections counted at accept: per client address and in all. A connection over either is
 * closed before anything is read from it. Thread-safe.
 */
final class ClientLimits {

    private static final Logger log = LoggerFactory.getLogger(ClientLimits.class);

    private final AddressCounts perClient;
    private final AtomicInteger open = new AtomicInteger();
    private final int maxOpen;

    ClientLimits(int maxPerClient, int maxOpen) {
        this.perClient = new AddressCounts(maxPerClient);
        this.maxOpen = maxOpen;
    }

    /**
     * Counts a just-accepted {@code channel} from {@code address}, to be released when it closes; false (nothing counted) when its
     * address or the gateway already has the maximum.
     */
    boolean admit(Channel channel, InetAddress address) {
        if (open.incrementAndGet() > maxOpen) {
            open.decrementAndGet();
            log.debug("Refused a connection from {}: {} client connections open", address, maxOpen);
            return false;
        }
        if (!perClient.tryAdd(address)) {
            open.decrementAndGet();
            log.debug("Refused a connection from {}: it has {} open", address, perClient.max());
            return false;
        }
        channel.closeFuture().addListener(closed -> {
            perClient.remove(address);
            open.decrementAndGet();
        });
        return true;
    }

    int maxOpen() {
        return maxOpen;
    }
}
