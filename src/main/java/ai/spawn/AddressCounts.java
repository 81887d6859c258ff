package ai.spawn;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/**
 * Open connections per client address, each address up to a maximum; for the per-client connection caps of the
 * gateway and the API listener. An address is kept only while it has connections, so the map holds at most as
 * many entries as there are open connections. Thread-safe; no allocation for counts up to 127.
 */
public final class AddressCounts {

    private static final BiFunction<InetAddress, Integer, Integer> DECREMENT = (address, n) -> n == 1 ? null : n - 1;

    private final ConcurrentMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();
    private final int max;

    /** @param max connections one address may hold at once (at least 1) */
    public AddressCounts(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        this.max = max;
    }

    /** Counts one more connection of {@code address}; false (and nothing counted) when it already holds the maximum. */
    public boolean tryAdd(InetAddress address) {
        if (counts.merge(address, 1, Integer::sum) > max) {
            remove(address);
            return false;
        }
        return true;
    }

    /** One connection of {@code address} ended; call once for every {@code tryAdd} that returned true. */
    public void remove(InetAddress address) {
        counts.computeIfPresent(address, DECREMENT);
    }

    /** The connections {@code address} holds now. */
    public int count(InetAddress address) {
        return counts.getOrDefault(address, 0);
    }

    public int max() {
        return max;
    }
}
